using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>
/// Binds a configuration section to <see cref="ResticClientOptions"/> by hand: no reflection, so it
/// is trim- and AOT-safe, and every error names the repository, the key and what is wrong.
/// </summary>
internal static class ResticConfigurationBinder
{
    public const string Repository = "Repository";
    public const string Password = "Password";
    public const string PasswordFile = "PasswordFile";
    public const string PasswordCommand = "PasswordCommand";
    public const string BinaryPath = "BinaryPath";
    public const string CacheDirectory = "CacheDirectory";
    public const string UseCache = "UseCache";
    public const string ProgressInterval = "ProgressInterval";
    public const string ShutdownTimeout = "ShutdownTimeout";
    public const string LockWaitTimeout = "LockWaitTimeout";
    public const string EnvironmentVariables = "EnvironmentVariables";
    public const string InheritEnvironment = "InheritEnvironment";
    public const string NoProgressTimeout = "NoProgressTimeout";
    public const string RemoveStaleLocks = "RemoveStaleLocks";
    public const string Compression = "Compression";
    public const string NativeReads = "NativeReads";

    /// <summary>
    /// Every key the binder reads. A test compares them with the settable properties of
    /// <see cref="ResticClientOptions"/>, so that a new option cannot be forgotten here.
    /// </summary>
    internal static IReadOnlyList<string> Keys { get; } =
    [
        Repository, Password, PasswordFile, PasswordCommand, BinaryPath, CacheDirectory, UseCache,
        ProgressInterval, ShutdownTimeout, LockWaitTimeout, EnvironmentVariables, InheritEnvironment,
        NoProgressTimeout, RemoveStaleLocks, Compression, NativeReads,
    ];

    /// <summary>
    /// Applies the section's values to <paramref name="options"/>; throws <see cref="OptionsValidationException"/> listing
    /// every error. <paramref name="services"/> supplies the native reader that <c>"NativeReads": true</c> asks for.
    /// </summary>
    public static void Bind(IConfigurationSection section, string name, ResticClientOptions options, ResticClientRegistry registry, IServiceProvider services)
    {
        var errors = new List<string>();

        foreach (var child in section.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"'{child.Key}' is not a restic client setting (known: {string.Join(", ", Keys)}).");
            }
        }

        if (Value(section, Repository) is { } repository)
        {
            try
            {
                options.Repository = ResticRepository.Parse(repository);
            }
            catch (ArgumentException)
            {
                errors.Add($"{Repository} is not a valid restic repository location.");
            }
        }

        var passwords = new[] { Password, PasswordFile, PasswordCommand }.Where(k => Value(section, k) is not null).ToArray();
        if (passwords.Length > 1)
        {
            errors.Add($"set only one of {Password}, {PasswordFile} and {PasswordCommand} (found {string.Join(" and ", passwords)}).");
        }
        else if (passwords.Length == 1)
        {
            var key = passwords[0];
            var value = Value(section, key)!;
            try
            {
                options.Password = key switch
                {
                    Password => ResticPassword.FromValue(value),
                    PasswordFile => ResticPassword.FromFile(value),
                    _ => ResticPassword.FromCommand(value),
                };
            }
            catch (ArgumentException)
            {
                // Never echo the value: it may be the password.
                errors.Add($"{key} contains a NUL character.");
            }
        }

        if (Value(section, BinaryPath) is { } binary)
        {
            options.BinaryPath = binary;
        }

        if (Value(section, CacheDirectory) is { } cache)
        {
            options.CacheDirectory = cache;
        }

        Boolean(section, UseCache, errors, v => options.UseCache = v);
        Boolean(section, InheritEnvironment, errors, v => options.InheritEnvironment = v);
        Boolean(section, RemoveStaleLocks, errors, v => options.RemoveStaleLocks = v);

        // true: the registered reader (Restic.Net.Repository's ResticNativeReads) serves snapshots, listings, file
        // dumps and the config. This package does not reference the reader, so that its users do not get its crypto.
        Boolean(section, NativeReads, errors, v =>
        {
            options.NativeReads = v ? services.GetService<IResticNativeReaderFactory>() : null;
            if (v && options.NativeReads is null)
            {
                errors.Add($"{NativeReads} is true, but no native reader is registered: add the Restic.Net.Repository package and " +
                    "services.AddSingleton<IResticNativeReaderFactory>(ResticNativeReads.Default).");
            }
        });
        Duration(section, NoProgressTimeout, errors, v => options.NoProgressTimeout = v);
        if (Value(section, Compression) is { } compression)
        {
            // Checked with the other options when the client is created (auto, off, fastest, better, max).
            options.Compression = new ResticCompression(compression);
        }

        Duration(section, ProgressInterval, errors, v => options.ProgressInterval = v);
        Duration(section, ShutdownTimeout, errors, v => options.ShutdownTimeout = v);
        Duration(section, LockWaitTimeout, errors, v => options.LockWaitTimeout = v);

        foreach (var variable in section.GetSection(EnvironmentVariables).GetChildren())
        {
            options.EnvironmentVariables[variable.Key] = variable.Value ?? string.Empty;
        }

        if (errors.Count > 0)
        {
            var prefix = registry.Describe(name);
            throw new OptionsValidationException(name, typeof(ResticClientOptions), errors.Select(e => $"{prefix}: {e}"));
        }
    }

    private static string? Value(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value : null;

    private static void Boolean(IConfigurationSection section, string key, List<string> errors, Action<bool> set)
    {
        if (Value(section, key) is not { } text)
        {
            return;
        }

        if (bool.TryParse(text, out var value))
        {
            set(value);
        }
        else
        {
            errors.Add($"{key} must be true or false, not '{text}'.");
        }
    }

    private static void Duration(IConfigurationSection section, string key, List<string> errors, Action<TimeSpan> set)
    {
        if (Value(section, key) is not { } text)
        {
            return;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            errors.Add($"{key} must be a time span such as '00:00:30' (hh:mm:ss) or '1.00:00:00' (d.hh:mm:ss), not '{text}'.");
        }
    }
}
