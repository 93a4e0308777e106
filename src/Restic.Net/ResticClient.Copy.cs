using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    /// <remarks>
    /// The source's location, password and backend variables reach restic as <c>RESTIC_FROM_REPOSITORY</c>,
    /// <c>RESTIC_FROM_PASSWORD[_FILE|_COMMAND]</c> and the backend's own variables, which restic reads for
    /// both repositories: two repositories that need different values of the same variable (two S3
    /// accounts) cannot be copied between, and the call throws <see cref="ArgumentException"/>.
    /// restic prints text only; ids in the result are short.
    /// </remarks>
    public virtual async Task<CopyResult> CopyAsync(ResticRepository source, ResticPassword sourcePassword, CopyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourcePassword);
        options ??= new CopyOptions();
        options.Validate();

        var sourceEnvironment = new ResticEnvironment();
        source.ApplyTo(sourceEnvironment);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in sourceEnvironment.Variables)
        {
            if (name == "RESTIC_REPOSITORY")
            {
                environment["RESTIC_FROM_REPOSITORY"] = value;
            }
            else if (_executor.Settings.RepositoryEnvironment.TryGetValue(name, out var own) && own is not null && own != value)
            {
                throw new ArgumentException($"Both repositories need the environment variable {name} with different values; restic reads one value for both.", nameof(source));
            }
            else
            {
                environment[name] = value;
            }
        }

        var password = new Dictionary<string, string?>(StringComparer.Ordinal);
        sourcePassword.ApplyTo(password);
        foreach (var (name, value) in password)
        {
            environment["RESTIC_FROM_" + name["RESTIC_".Length..]] = value;
        }

        var secrets = source.GetSecrets().Concat(Secrets(sourcePassword)).ToArray();
        var command = ResticCommands.Copy(options, sourceEnvironment.ExtendedOptions) with { Environment = environment, Secrets = secrets };
        var (run, output) = await RunBufferedAsync(command, cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return ParseText(run, output.StandardOutputLines, TextOutput.ParseCopy);
    }
}
