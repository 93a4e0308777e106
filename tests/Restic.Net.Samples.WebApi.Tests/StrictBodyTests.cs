using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// The strict contract in fact, on every request type: a member given twice, a member name in other letter
/// cases, a number or boolean in a string, null where a list is required and an enum value in another
/// spelling are each a 400 naming the member in the API's own words. All are refused while the body is
/// read, before any repository is looked up or restic is started.
/// </summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class StrictBodyTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    /// <summary>Every POST endpoint with a body in which one member is given twice.</summary>
    public static TheoryData<string, string, string> Duplicates => new()
    {
        { "/init", """{"name":"docs","location":"/x","password":"p","name":"other"}""", "name" },
        { "/backup", """{"repository":"docs","paths":["/a"],"paths":["/b"]}""", "paths" },
        { "/restore/latest", """{"repository":"docs","target_path":"/a","target_path":"/b"}""", "target_path" },
        { "/prune", """{"repository":"docs","keep_last":100,"dry_run":true,"dry_run":false}""", "dry_run" },
        { "/check", """{"repository":"docs","read_data":false,"read_data":true}""", "read_data" },
        { "/unlock", """{"repository":"docs","remove_all":false,"remove_all":true}""", "remove_all" },
        { "/keys/rotate", """{"repository":"docs","new_password":"a","new_password":"b"}""", "new_password" },
    };

    [Theory]
    [MemberData(nameof(Duplicates))]
    public async Task MemberGivenTwice_Is400NamingIt(string path, string body, string member)
    {
        var problem = await PostRawAsync(path, body).ExpectAsync(HttpStatusCode.BadRequest);

        AssertNames(problem, member);
        Assert.Contains("more than once", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Member names in other letter cases, with the name the endpoint takes.</summary>
    public static TheoryData<string, string, string, string> CaseVariants => new()
    {
        { "/init", """{"Name":"docs","location":"/x","password":"p"}""", "Name", "name" },
        { "/backup", """{"repository":"docs","Paths":["/a"]}""", "Paths", "paths" },
        { "/restore/latest", """{"repository":"docs","TARGET_PATH":"/a"}""", "TARGET_PATH", "target_path" },
        { "/prune", """{"repository":"docs","KEEP_DAILY":7}""", "KEEP_DAILY", "keep_daily" },
        { "/prune", """{"repository":"docs","keep_daily":7,"Dry_Run":false}""", "Dry_Run", "dry_run" },
        { "/check", """{"repository":"docs","Read_Data":true}""", "Read_Data", "read_data" },
        { "/unlock", """{"Repository":"docs"}""", "Repository", "repository" },
        { "/keys/rotate", """{"repository":"docs","New_Password":"x"}""", "New_Password", "new_password" },
    };

    [Theory]
    [MemberData(nameof(CaseVariants))]
    public async Task MemberNameInOtherLetterCases_Is400NamingItAndTheRightName(string path, string body, string member, string right)
    {
        var problem = await PostRawAsync(path, body).ExpectAsync(HttpStatusCode.BadRequest);

        AssertNames(problem, member);
        Assert.Contains($"takes '{right}'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Values of the wrong JSON type: numbers and booleans in strings, a string as a number, null for a boolean.</summary>
    public static TheoryData<string, string, string, string> WrongTypes => new()
    {
        { "/init", """{"name":5,"location":"/x","password":"p"}""", "name", "a string" },
        { "/backup", """{"repository":"docs","paths":["/a"],"run_as_job":"true"}""", "run_as_job", "true or false" },
        { "/backup", """{"repository":"docs","paths":"/a"}""", "paths", "an array of strings" },
        { "/restore/latest", """{"repository":"docs","target_path":"/a","run_as_job":1}""", "run_as_job", "true or false" },
        { "/restore/latest", """{"repository":"docs","target_path":"/a","include":[1]}""", "include", "an array of strings" },
        { "/prune", """{"repository":"docs","keep_daily":"60"}""", "keep_daily", "a whole number" },
        { "/prune", """{"repository":"docs","keep_last":1.5}""", "keep_last", "a whole number" },
        { "/prune", """{"repository":"docs","keep_last":1,"dry_run":"false"}""", "dry_run", "true or false" },
        { "/check", """{"repository":"docs","read_data":null}""", "read_data", "true or false" },
        { "/unlock", """{"repository":"docs","remove_all":"yes"}""", "remove_all", "true or false" },
        { "/keys/rotate", """{"repository":"docs","new_password":123}""", "new_password", "a string" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task ValueOfTheWrongType_Is400NamingTheMemberAndWhatItTakes(string path, string body, string member, string takes)
    {
        var problem = await PostRawAsync(path, body).ExpectAsync(HttpStatusCode.BadRequest);

        AssertNames(problem, member);
        Assert.Contains(takes, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Every list member of every request type, sent as null.</summary>
    public static TheoryData<string, string, string> NullLists => new()
    {
        { "/backup", """{"repository":"docs","paths":["/a"],"tags":null}""", "tags" },
        { "/backup", """{"repository":"docs","paths":["/a"],"exclude_patterns":null}""", "exclude_patterns" },
        { "/restore/latest", """{"repository":"docs","target_path":"/a","include":null}""", "include" },
        { "/restore/latest", """{"repository":"docs","target_path":"/a","exclude":null}""", "exclude" },
        { "/prune", """{"repository":"docs","keep_daily":7,"tags":null}""", "tags" },
    };

    [Theory]
    [MemberData(nameof(NullLists))]
    public async Task NullWhereAListIsRequired_Is400NamingTheWireMember(string path, string body, string member)
    {
        var problem = await PostRawAsync(path, body).ExpectAsync(HttpStatusCode.BadRequest);

        AssertNames(problem, member);
        Assert.Contains($"{member} may not be null", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("an array of strings", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"IfChanged\"")]
    [InlineData("\"ALWAYS\"")]
    [InlineData("\"if-changed\"")]
    [InlineData("1")]
    [InlineData("\"\"")]
    public async Task OverwriteInAnotherSpelling_Is400ListingTheValues(string value)
    {
        var problem = await PostRawAsync("/restore/latest", $$"""{"repository":"docs","target_path":"/a","overwrite":{{value}}}""").ExpectAsync(HttpStatusCode.BadRequest);

        AssertNames(problem, "overwrite");
        Assert.Contains("\"always\", \"if_changed\", \"if_newer\", \"never\"", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/backup", """{"repository_path":"/srv/repo","source_paths":["/a"],"colour":"blue"}""", "repository_path,source_paths,colour")]
    [InlineData("/prune", """{"repository":"docs","keep_policy":{"daily":7},"repository_path":"/srv/repo"}""", "keep_policy,repository_path")]
    [InlineData("/restore/latest", """{"repository":"docs","target":"/a","include_patterns":["x"]}""", "target,include_patterns")]
    public async Task SeveralRefusedMembers_AreAllNamed_WithTheirReplacements(string path, string body, string members)
    {
        var problem = await PostRawAsync(path, body).ExpectAsync(HttpStatusCode.BadRequest);

        var named = members.Split(',');
        AssertNames(problem, named);
        foreach (var name in named.Where(n => n != "colour"))
        {
            Assert.Contains($"'{name}' is the original ops console's field", problem["errors"]![name]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/jobs?page=abc", "page")]
    [InlineData("/jobs?page_size=many", "page_size")]
    [InlineData("/audit?page=1.5", "page")]
    [InlineData("/audit?page_size=ten", "page_size")]
    public async Task QueryParameterThatIsNotANumber_Is400NamingIt(string path, string parameter)
    {
        var problem = await factory.CreateAdminClient().GetAsync(path, null).ExpectAsync(HttpStatusCode.BadRequest);

        AssertNames(problem, parameter);
        Assert.Contains("a whole number", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task BodyThatIsNotJson_Is415()
    {
        var content = new StringContent("""{"repository":"docs","paths":["/a"]}""", Encoding.UTF8, "text/plain");

        var problem = await factory.CreateAdminClient().PostAsync(Api.Base + "/backup", content).ExpectAsync(HttpStatusCode.UnsupportedMediaType);

        Api.AssertProblem(problem, 415, "unsupported media type");
        Assert.Contains("application/json", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        factory.CreateAdminClient().PostAsync(Api.Base + path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Exactly these members are named, and nothing in the answer names a .NET type.</summary>
    private static void AssertNames(JsonNode problem, params string[] members)
    {
        Api.AssertProblem(problem, 400, "invalid");
        Assert.Equal(members.Order(StringComparer.Ordinal), problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        foreach (var text in new[] { "System.", "Restic.Net", "Nullable", "Int32", "Boolean", "IReadOnlyList" })
        {
            Assert.DoesNotContain(text, problem.ToJsonString(), StringComparison.Ordinal);
        }
    }
}
