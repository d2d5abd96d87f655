"""Keys of persistent storage (analyzer/locations.py): a field is named from
the innermost struct of its access path that the driver defines."""
from analyzer.locations import TypeNames

TYPEDEFS = {"DEVICE_EXTENSION": "DEVICE_EXTENSION", "PDEVICE_EXTENSION": "DEVICE_EXTENSION",
            "STATS_BLOCK": "STATS_BLOCK", "PSTATS_BLOCK": "STATS_BLOCK", "_STATS_BLOCK": "STATS_BLOCK",
            "REQUEST_QUEUE": "REQUEST_QUEUE"}
FIELDS = {
    "DEVICE_EXTENSION": {"Stats": "PSTATS_BLOCK", "Queue": "REQUEST_QUEUE", "Buffer": "PVOID",
                         "Legacy": "struct _STATS_BLOCK"},
    "STATS_BLOCK": {"Samples": "PULONG"},
    "REQUEST_QUEUE": {"Entries": "PVOID"},
}


def test_a_field_of_an_inner_struct_is_named_from_that_struct():
    types = TypeNames(TYPEDEFS, FIELDS)
    assert types.field_key("DEVICE_EXTENSION", "Stats.Samples") == "STATS_BLOCK.Samples"
    assert types.field_key("DEVICE_EXTENSION", "Queue.Entries") == "REQUEST_QUEUE.Entries"
    assert types.field_key("DEVICE_EXTENSION", "Legacy.Samples") == "STATS_BLOCK.Samples"


def test_the_path_stays_where_no_struct_is_known():
    types = TypeNames(TYPEDEFS, FIELDS)
    assert types.field_key("DEVICE_EXTENSION", "Buffer") == "DEVICE_EXTENSION.Buffer"
    assert types.field_key("DEVICE_EXTENSION", "Unknown.Samples") == "DEVICE_EXTENSION.Unknown.Samples"
    assert types.field_key("DEVICE_EXTENSION", "Stats[].Samples") == "DEVICE_EXTENSION.Stats[].Samples"
    assert TypeNames(TYPEDEFS).field_key("DEVICE_EXTENSION", "Stats.Samples") == "DEVICE_EXTENSION.Stats.Samples"


def test_narrow_names_a_key_from_its_innermost_struct_and_leaves_globals():
    types = TypeNames(TYPEDEFS, FIELDS)
    assert types.narrow("DEVICE_EXTENSION.Stats.Samples") == "STATS_BLOCK.Samples"
    assert types.narrow("STATS_BLOCK.Samples") == "STATS_BLOCK.Samples"
    assert types.narrow("g_Context.Buffer") == "g_Context.Buffer"
    assert types.narrow("g_Ring") == "g_Ring"
