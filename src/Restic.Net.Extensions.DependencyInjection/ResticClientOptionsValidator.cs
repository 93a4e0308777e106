using Microsoft.Extensions.Options;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>
/// Validates the options of every registered client at start-up: the <c>[Required]</c> members
/// through the source-generated <see cref="DataAnnotations"/> validator (trim-safe, no reflection),
/// then the rules attributes cannot express. Each message names the repository and the setting.
/// </summary>
internal sealed partial class ResticClientOptionsValidator(ResticClientRegistry registry) : IValidateOptions<ResticClientOptions>
{
    private static readonly DataAnnotations s_annotations = new();
    private static readonly string[] s_required = [nameof(ResticClientOptions.Repository), nameof(ResticClientOptions.Password), nameof(ResticClientOptions.BinaryPath)];

    public ValidateOptionsResult Validate(string? name, ResticClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        name ??= Options.DefaultName;
        if (!registry.Contains(name))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var annotations = s_annotations.Validate(name, options);
        foreach (var failure in annotations.Failures ?? [])
        {
            // The generated messages say "The NAME.Member field is required."; say what to set instead.
            var member = s_required.FirstOrDefault(m => failure.Contains($".{m} ", StringComparison.Ordinal) || failure.Contains($"'{m}'", StringComparison.Ordinal));
            failures.Add(member is null ? failure : Required(member));
        }

        Positive(options.ProgressInterval, nameof(options.ProgressInterval), failures);
        Positive(options.ShutdownTimeout, nameof(options.ShutdownTimeout), failures);
        if (options.LockWaitTimeout < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.LockWaitTimeout)} must not be negative (it is {options.LockWaitTimeout}).");
        }

        if (options.BinaryPath?.Contains('\0', StringComparison.Ordinal) == true || options.CacheDirectory?.Contains('\0', StringComparison.Ordinal) == true)
        {
            failures.Add($"{nameof(options.BinaryPath)} and {nameof(options.CacheDirectory)} must not contain a NUL character.");
        }

        foreach (var (key, value) in options.EnvironmentVariables)
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal) || value?.Contains('\0', StringComparison.Ordinal) == true)
            {
                failures.Add($"{nameof(options.EnvironmentVariables)} has an invalid variable '{key}': names must be non-empty without '=', and names and values without NUL characters.");
            }
        }

        if (failures.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var prefix = registry.Describe(name);
        return ValidateOptionsResult.Fail(failures.Select(f => $"{prefix}: {f}"));
    }

    private static string Required(string member) => member switch
    {
        nameof(ResticClientOptions.Repository) => "Repository is required: set the repository location (a path or a restic URL such as 'sftp:user@host:/srv/repo').",
        nameof(ResticClientOptions.Password) => "a password source is required: set one of Password, PasswordFile or PasswordCommand.",
        _ => $"{member} is required.",
    };

    private static void Positive(TimeSpan value, string member, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{member} must be positive (it is {value}).");
        }
    }

    /// <summary>The source-generated validator of the options' data annotations.</summary>
    [OptionsValidator]
    internal sealed partial class DataAnnotations : IValidateOptions<ResticClientOptions>
    {
    }
}
