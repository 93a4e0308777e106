using Microsoft.Extensions.Logging;
using Moq;
using Restic.Net.Execution;

namespace Restic.Net.Tests.Support;

/// <summary>
/// A mocked process seam that answers each invocation with a recorded fixture: <c>version</c>
/// with the version's own recording, everything else as the test chooses.
/// </summary>
internal sealed class FixtureRunner
{
    private readonly string _version;
    private readonly Func<ResticInvocation, Fixture> _respond;

    public FixtureRunner(string version, Func<ResticInvocation, Fixture> respond)
    {
        _version = version;
        _respond = respond;
        Mock.Setup(r => r.RunAsync(It.IsAny<ResticInvocation>(), It.IsAny<IResticOutputSink>(), It.IsAny<CancellationToken>()))
            .Returns((ResticInvocation invocation, IResticOutputSink sink, CancellationToken _) =>
            {
                Invocations.Add(invocation);
                var fixture = invocation.Arguments[0] == "version" ? Fixture.Load(_version, "version") : _respond(invocation);
                foreach (var line in fixture.StandardOutputLines())
                {
                    sink.OnStandardOutputLine(line);
                }

                foreach (var line in fixture.StandardErrorLines())
                {
                    sink.OnStandardErrorLine(line);
                }

                return Task.FromResult(fixture.ExitCode);
            });
    }

    public Mock<IResticProcessRunner> Mock { get; } = new(MockBehavior.Strict);

    public List<ResticInvocation> Invocations { get; } = [];

    /// <summary>Answers every non-version command with the same recording.</summary>
    public static FixtureRunner Replaying(string version, string scenario) =>
        new(version, _ => Fixture.Load(version, scenario));

    public ResticClient CreateClient(Action<ResticClientOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new ResticClientOptions
        {
            Repository = new LocalRepository("/tmp/restic-fixtures/repo"),
            Password = ResticPassword.FromValue("fixture-password"),
        };
        configure?.Invoke(options);
        return new ResticClient(options, Mock.Object, loggerFactory, null);
    }

    public IReadOnlyList<string> LastArguments => Invocations[^1].Arguments;
}
