"""CFG shapes, compared through the stable text dump."""
import textwrap

from analyzer.cfg import build_cfg
from analyzer.frontend.base import get_frontend
from analyzer.knowledge import default_knowledge


def cfg_of(src: str, name: str):
    unit = get_frontend().parse_unit("t.c", textwrap.dedent(src).encode())
    (fn,) = [f for f in unit.functions if f.name == name]
    return build_cfg(fn, default_knowledge().noreturn)


def test_try_finally_leave_switch_and_noreturn():
    cfg = cfg_of("""
        NTSTATUS F(PDEVICE_OBJECT Dev)
        {
            PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, 'gfCx');
            if (!p) {
                return STATUS_NO_MEMORY;
            }
            __try {
                if (Dev->Flags) {
                    __leave;
                }
                Use(p);
            } __finally {
                ExFreePool(p);
            }
            switch (Dev->Type) {
            case 1:
                KeBugCheckEx(1, 2, 3, 4, 5);
            default:
                break;
            }
            return STATUS_SUCCESS;
        }
        """, "F")
    assert cfg.dump() == textwrap.dedent("""\
        cfg F entry=n11 exit=n0
          n0 exit @23
          n1 sink
          n2 return @22 [STATUS_SUCCESS] -> next:n0
          n3 eval @18 [KeBugCheckEx(1, 2, 3, 4, 5)] -> next:n1
          n4 switch @16 [Dev->Type] -> case(1):n3 default:n2
          n5 eval @14 [ExFreePool(p)] -> next:n4
          n6 eval @12 [Use(p)] -> next:n5
          n7 branch @9 [Dev->Flags] -> true:n5 false:n6
          n8 return @6 [STATUS_NO_MEMORY] -> next:n0
          n9 branch @5 [!p] -> true:n8 false:n7
          n10 eval @4 [decl p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 8, 'gfCx')] -> next:n9
          n11 entry @2 -> next:n10""")


def test_return_inside_try_runs_a_copy_of_the_finally_block():
    cfg = cfg_of("""
        VOID G(PVOID p)
        {
            __try {
                if (Check(p)) {
                    return;
                }
            } __finally {
                Release(p);
            }
        }
        """, "G")
    text = cfg.dump()
    # Two copies of the cleanup: one on the way out of `return`, one on fall-through.
    assert text.count("[Release(p)]") == 2
    returns = [line for line in text.splitlines() if " return " in line]
    (ret,) = returns
    target = ret.split("next:")[1]
    assert f"  {target} eval" in text and "[Release(p)]" in [l for l in text.splitlines() if l.startswith(f"  {target} ")][0]


def test_except_handler_is_reached_from_calls_in_the_try_body():
    cfg = cfg_of("""
        VOID H(PMDL Mdl)
        {
            __try {
                MmProbeAndLockPages(Mdl, UserMode, IoReadAccess);
            } __except (EXCEPTION_EXECUTE_HANDLER) {
                Fail();
                return;
            }
            Done();
        }
        """, "H")
    probe = [l for l in cfg.dump().splitlines() if "MmProbeAndLockPages" in l][0]
    assert "exception:" in probe and "next:" in probe


def test_loops_goto_and_labels():
    cfg = cfg_of("""
        VOID L(ULONG n)
        {
            ULONG i;
            for (i = 0; i < n; i++) {
                if (i == 3) continue;
                if (i == 5) goto Out;
            }
            do { n--; } while (n > 0);
        Out:
            return;
        }
        """, "L")
    text = cfg.dump()
    assert "branch @5 [i < n] -> true:" in text
    assert "eval @5 [i++]" in text
    assert "nop @10 -> next:n2" in text   # the label, then the return
    assert "branch @9 [n > 0]" in text
