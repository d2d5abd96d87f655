int f(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)(void)
{
    ExFreePool(p);
}
