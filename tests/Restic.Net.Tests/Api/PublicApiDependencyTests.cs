using System.Reflection;

namespace Restic.Net.Tests.Api;

/// <summary>
/// The core's public surface names no type of its dependencies' that could tie Restic.Net's major version to theirs:
/// no Polly type anywhere (docs/design-decisions.md, "Polly leaves the public API").
/// </summary>
public class PublicApiDependencyTests
{
    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void PublicSurface_OfTheCore_NamesNoPollyType()
    {
        var assembly = typeof(ResticClient).Assembly;
        var exported = assembly.GetExportedTypes();
        Assert.Contains(typeof(ResticClientOptions), exported);

        var offenders = exported.SelectMany(type => Surface(type).Select(used => (Where: type.FullName + ": " + used.Where, used.Type)))
            .Where(used => FromPolly(used.Type))
            .Select(used => $"{used.Where} uses {used.Type}")
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, "Polly in the public API of Restic.Net:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void SurfaceWalk_FindsATypeOfADependency_WhereOneIsUsed()
    {
        // The walk sees what the scan must catch: here, Microsoft.Extensions.Logging in a public constructor.
        Assert.Contains(Surface(typeof(ResticClient)), used => used.Type.Assembly.GetName().Name == "Microsoft.Extensions.Logging.Abstractions");
        Assert.Contains(Surface(typeof(ResticClientOptions)), used => used.Type == typeof(ResticResiliencePolicy));
    }

    // Every type a caller or a derived class can see: bases, interfaces, attributes, and the signatures of the
    // public and protected members, generic arguments included.
    private static IEnumerable<(string Where, Type Type)> Surface(Type type)
    {
        var found = new List<(string, Type)>();
        void Add(string where, Type? used)
        {
            if (used is null)
            {
                return;
            }

            if (used.HasElementType)
            {
                Add(where, used.GetElementType());
                return;
            }

            found.Add((where, used));
            if (used.IsGenericType)
            {
                foreach (var argument in used.GetGenericArguments())
                {
                    Add(where, argument);
                }
            }
        }

        Add("base type", type.BaseType);
        foreach (var implemented in type.GetInterfaces())
        {
            Add("interface", implemented);
        }

        foreach (var attribute in type.GetCustomAttributesData())
        {
            Add("attribute", attribute.AttributeType);
        }

        foreach (var member in type.GetMembers(Visible).Where(IsVisible))
        {
            switch (member)
            {
                case FieldInfo field:
                    Add(field.Name, field.FieldType);
                    break;
                case PropertyInfo property:
                    Add(property.Name, property.PropertyType);
                    break;
                case EventInfo @event:
                    Add(@event.Name, @event.EventHandlerType);
                    break;
                case MethodBase method:
                    Add(method.Name, (method as MethodInfo)?.ReturnType);
                    foreach (var parameter in method.GetParameters())
                    {
                        Add($"{method.Name}({parameter.Name})", parameter.ParameterType);
                    }

                    foreach (var attribute in method.GetCustomAttributesData())
                    {
                        Add(method.Name + " attribute", attribute.AttributeType);
                    }

                    break;
            }
        }

        return found;
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily || add.IsFamilyOrAssembly),
        _ => false,
    };

    private static bool FromPolly(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("Polly", StringComparison.Ordinal) == true ||
        type.Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true;
}
