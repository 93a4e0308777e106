using System.Reflection;

namespace Restic.Net.Tests.Api;

/// <summary>
/// The exceptions of 1.0 (docs/design-decisions.md, "1.0 (issue 23)"): each public exception, its base, whether it
/// is sealed and whether it is transient. A base that changes moves failures out of callers' <c>catch</c> blocks, so
/// change a row only deliberately. A new exception derives from the type its failures had before (restic's
/// failures: <see cref="ResticCommandException"/>), and gets a row here.
/// </summary>
public class ExceptionHierarchyTests
{
    private static readonly (ResticException Example, Type Base, bool Sealed, bool Transient)[] s_pinned =
    [
        (ResticModelFactory.CommandException(), typeof(ResticException), false, false),
        (ResticModelFactory.RepositoryNotFoundException(), typeof(ResticCommandException), true, false),
        (ResticModelFactory.RepositoryAlreadyExistsException(), typeof(ResticCommandException), true, false),
        (ResticModelFactory.WrongPasswordException(), typeof(ResticCommandException), true, false),
        (ResticModelFactory.RepositoryLockedException("PID 42 on host by user"), typeof(ResticCommandException), true, true),
        (ResticModelFactory.SnapshotNotFoundException(), typeof(ResticCommandException), true, false),
        (ResticModelFactory.PathNotFoundException(), typeof(ResticCommandException), true, false),
        (ResticModelFactory.BackendAccessDeniedException(), typeof(ResticCommandException), true, false),
        (ResticModelFactory.BackendCertificateException(), typeof(ResticCommandException), true, false),
        (ResticModelFactory.BackendUnreachableException(), typeof(ResticCommandException), true, true),
        (ResticModelFactory.RepositoryIntegrityException(), typeof(ResticCommandException), true, false),
        (ResticModelFactory.RepositoryChangedException(), typeof(ResticCommandException), true, true),
        (ResticModelFactory.TimeoutException(TimeSpan.FromMinutes(5)), typeof(ResticException), true, true),
        (ResticModelFactory.OutputException(), typeof(ResticException), true, false),
        (ResticModelFactory.BinaryNotFoundException(), typeof(ResticException), true, false),
        (ResticModelFactory.NotSupportedException("rewrite", new Version(0, 14, 0), new Version(0, 15, 0)), typeof(ResticException), true, false),
    ];

    [Fact]
    public void Every_public_exception_has_its_pinned_base_sealedness_and_transience()
    {
        var exported = typeof(ResticException).Assembly.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();
        var actual = exported.Where(t => t != typeof(ResticException))
            .Select(t => $"{t.Name} : {t.BaseType!.Name}{(t.IsSealed ? " sealed" : "")}")
            .Order(StringComparer.Ordinal);
        var pinned = s_pinned
            .Select(p => $"{p.Example.GetType().Name} : {p.Base.Name}{(p.Sealed ? " sealed" : "")}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(pinned, actual);
        Assert.True(typeof(ResticException).IsAbstract);
        Assert.Equal(typeof(Exception), typeof(ResticException).BaseType);
        Assert.Equal(16, s_pinned.Length);
    }

    [Fact]
    public void IsTransient_is_true_exactly_for_locked_changed_unreachable_and_timeout()
    {
        var actual = s_pinned.Select(p => $"{p.Example.GetType().Name} {p.Example.IsTransient}");
        var expected = s_pinned.Select(p => $"{p.Example.GetType().Name} {p.Transient}");

        Assert.Equal(expected, actual);
        Assert.Equal(
            ["ResticBackendUnreachableException", "ResticRepositoryChangedException", "ResticRepositoryLockedException", "ResticTimeoutException"],
            s_pinned.Where(p => p.Example.IsTransient).Select(p => p.Example.GetType().Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_library_constructs_its_exceptions()
    {
        // Their text is redacted by the client (docs/design-decisions.md): callers build them with ResticModelFactory.
        var constructible = s_pinned.Select(p => p.Example.GetType()).Append(typeof(ResticException))
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly)
                .Select(c => $"{t.Name}({string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name))})"));

        Assert.Empty(constructible);
    }

    [Fact]
    public void A_catch_of_ResticCommandException_catches_every_failure_restic_reports_but_not_the_clients_own()
    {
        var caught = new List<string>();
        foreach (var (example, _, _, _) in s_pinned)
        {
            try
            {
                throw example;
            }
            catch (ResticCommandException ex)
            {
                caught.Add(ex.GetType().Name);
            }
            catch (ResticException)
            {
                // The client's own: it stopped restic, could not read it, start it or use the feature.
            }
        }

        Assert.Equal(12, caught.Count);
        Assert.Contains(nameof(ResticPathNotFoundException), caught);
        Assert.Contains(nameof(ResticRepositoryLockedException), caught);
        Assert.DoesNotContain(nameof(ResticTimeoutException), caught);
        Assert.DoesNotContain(nameof(ResticOutputException), caught);
    }
}
