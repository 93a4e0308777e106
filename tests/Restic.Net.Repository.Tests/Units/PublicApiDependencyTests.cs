using System.Reflection;

namespace Restic.Net.Repository.Tests.Units;

/// <summary>
/// The AWS SDK and SSH.NET are implementation details of S3 and SFTP reads: no type of theirs appears in the package's
/// public surface, so that a new major version of either never breaks a caller.
/// </summary>
[Trait("Restic", "None")]
public sealed class PublicApiDependencyTests
{
    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void The_public_surface_names_no_AWS_SDK_type()
    {
        var exported = typeof(ResticRepositoryReader).Assembly.GetExportedTypes();
        Assert.Contains(typeof(ResticRepositoryReaderOptions), exported);
        Assert.Contains(typeof(ResticRepositoryReader).Assembly.GetReferencedAssemblies(), name => name.Name == "AWSSDK.S3");

        var offenders = exported
            .SelectMany(type => Surface(type).Select(used => $"{type.FullName}: {used}"))
            .Where(used => used.Contains("Amazon.", StringComparison.Ordinal))
            .ToList();

        Assert.True(offenders.Count == 0, "AWS SDK types in the public API:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_public_surface_names_no_SSH_NET_type()
    {
        var exported = typeof(ResticRepositoryReader).Assembly.GetExportedTypes();
        Assert.Contains(typeof(ResticRepositoryReader).Assembly.GetReferencedAssemblies(), name => name.Name == "Renci.SshNet");

        var offenders = exported
            .SelectMany(type => Surface(type).Select(used => $"{type.FullName}: {used}"))
            .Where(used => used.Contains("Renci.", StringComparison.Ordinal))
            .ToList();

        Assert.True(offenders.Count == 0, "SSH.NET types in the public API:\n" + string.Join('\n', offenders));
    }

    // The types a caller or a derived class can see: bases, interfaces and the signatures of public and protected members.
    private static IEnumerable<Type> Surface(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var contract in type.GetInterfaces())
        {
            yield return contract;
        }

        foreach (var member in type.GetMembers(Visible))
        {
            switch (member)
            {
                case MethodBase method when method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly:
                    foreach (var parameter in method.GetParameters())
                    {
                        yield return parameter.ParameterType;
                    }

                    if (method is MethodInfo info)
                    {
                        yield return info.ReturnType;
                    }

                    break;
                case PropertyInfo property when property.GetMethod is { } getter && (getter.IsPublic || getter.IsFamily):
                    yield return property.PropertyType;
                    break;
                case FieldInfo field when field.IsPublic || field.IsFamily:
                    yield return field.FieldType;
                    break;
            }
        }
    }
}
