using Pacta.Json;

namespace Pacta.Tests.Json;

public class JsonDiffTests
{
    [Fact]
    public void Equal_documents_have_no_changes_whatever_their_property_order()
    {
        Assert.Empty(JsonDiff.Compare("""{"a":1,"b":[1,2]}""", """{"b":[1,2],"a":1}"""));
    }

    [Fact]
    public void A_changed_nested_value_is_named_by_its_path_with_old_and_new_values()
    {
        var before = """{"id":"shusha","names":[{"text":"Shusha","lang":"en"},{"text":"Shushi","lang":"en"}],"kind":"settlement"}""";
        var after = """{"id":"shusha","names":[{"text":"Shusha","lang":"en"},{"text":"Şuşa","lang":"az"}],"kind":"town"}""";

        Assert.Equal(
            [
                new JsonChange("$.names[1].text", "\"Shushi\"", "\"Şuşa\""),
                new JsonChange("$.names[1].lang", "\"en\"", "\"az\""),
                new JsonChange("$.kind", "\"settlement\"", "\"town\""),
            ],
            JsonDiff.Compare(before, after));
    }

    [Fact]
    public void Added_and_removed_properties_and_elements_have_no_value_on_the_other_side()
    {
        var before = """{"sources":["a","b"],"note":"old"}""";
        var after = """{"sources":["a"],"shortName":"Armenia"}""";

        Assert.Equal(
            [
                new JsonChange("$.sources[1]", "\"b\"", null),
                new JsonChange("$.note", "\"old\"", null),
                new JsonChange("$.shortName", null, "\"Armenia\""),
            ],
            JsonDiff.Compare(before, after));
    }

    [Fact]
    public void Arrays_are_compared_by_index_so_an_element_put_in_front_changes_every_later_one()
    {
        Assert.Equal(
            [new JsonChange("$.a[0]", "1", "0"), new JsonChange("$.a[1]", "2", "1"), new JsonChange("$.a[2]", null, "2")],
            JsonDiff.Compare("""{"a":[1,2]}""", """{"a":[0,1,2]}"""));
    }

    [Fact]
    public void A_value_that_changes_type_is_one_change_and_odd_names_are_quoted()
    {
        Assert.Equal(
            [new JsonChange("$.fatalities", "{\"best\":3}", "null"), new JsonChange("$['it\\'s 2']", "1", "2")],
            JsonDiff.Compare("""{"fatalities":{"best":3},"it's 2":1}""", """{"fatalities":null,"it's 2":2}"""));
    }

    [Fact]
    public void A_creation_and_a_deletion_are_the_whole_document_at_the_root()
    {
        Assert.Equal([new JsonChange("$", null, """{"a":1}""")], JsonDiff.Compare(null, """{"a":1}"""));
        Assert.Equal([new JsonChange("$", """{"a":1}""", null)], JsonDiff.Compare("""{"a":1}""", null));
        Assert.Empty(JsonDiff.Compare(null, null));
    }
}
