using System.Reflection;
using System.Xml.Linq;

namespace Restic.Net.Tests.Support;

/// <summary>The compiled XML documentation of Restic.Net, for tests that pin what a member's summary says.</summary>
internal static class XmlDocs
{
    private static readonly Lazy<XDocument> s_docs = new(() =>
        XDocument.Load(Path.ChangeExtension(typeof(ResticClient).Assembly.Location, ".xml")));

    /// <summary>A property's summary with its whitespace collapsed; fails the test when it has none.</summary>
    public static string Summary(PropertyInfo property)
    {
        var id = "P:" + property.DeclaringType!.FullName + "." + property.Name;
        var member = s_docs.Value.Descendants("member").SingleOrDefault(m => (string?)m.Attribute("name") == id);
        Assert.True(member is not null, $"no documentation for {id}");
        var summary = member.Element("summary");
        Assert.True(summary is not null, $"no summary for {id}");
        return string.Join(' ', summary.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
