using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Restic.Net.Extensions.DependencyInjection.Tests;

/// <summary>Binding from JSON configuration and validation at start-up; no restic process is started.</summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public class ConfigurationTests
{
    private const string Json = """
        {
          "Restic": {
            "local": {
              "Repository": "/srv/backup/restic",
              "PasswordFile": "/etc/restic/local.password",
              "BinaryPath": "/usr/local/bin/restic",
              "CacheDirectory": "/var/cache/restic",
              "UseCache": "false",
              "ProgressInterval": "00:00:02",
              "ShutdownTimeout": "00:00:30",
              "LockWaitTimeout": "00:05:00",
              "NoProgressTimeout": "00:10:00",
              "RemoveStaleLocks": "true",
              "Compression": "max"
            },
            "offsite": {
              "Repository": "s3:https://s3.example.invalid/bucket/restic",
              "PasswordCommand": "pass show backup/offsite",
              "InheritEnvironment": "true",
              "EnvironmentVariables": {
                "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY": "aws-secret-from-user-secrets",
                "RESTIC_COMPRESSION": "max"
              }
            },
            "literal": {
              "Repository": "local:/srv/literal",
              "Password": "from-user-secrets"
            }
          }
        }
        """;

    [Fact]
    public void Binder_KnowsEverySettableOptionOfTheClient()
    {
        // Set from code only: a Polly pipeline has no configuration form.
        string[] codeOnly = [nameof(ResticClientOptions.Resilience)];
        var settable = typeof(ResticClientOptions).GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true } || p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            .Select(p => p.Name)
            .Except(codeOnly)
            .ToArray();

        // The password is bound from Password, PasswordFile or PasswordCommand.
        var bound = ResticConfigurationBinder.Keys.Select(k => k.StartsWith("Password", StringComparison.Ordinal) ? "Password" : k).Distinct();

        Assert.Equal(settable.Order(), bound.Order());
    }

    [Fact]
    public void AddResticClient_JsonSections_BindsEverySetting()
    {
        using var provider = Build(Json, "local", "offsite", "literal");
        var monitor = provider.GetRequiredService<IOptionsMonitor<ResticClientOptions>>();

        var local = monitor.Get("local");
        Assert.Equal(new LocalRepository("/srv/backup/restic"), local.Repository);
        Assert.Equal("ResticPassword(file: /etc/restic/local.password)", local.Password!.ToString());
        Assert.Equal("/usr/local/bin/restic", local.BinaryPath);
        Assert.Equal("/var/cache/restic", local.CacheDirectory);
        Assert.False(local.UseCache);
        Assert.Equal(TimeSpan.FromSeconds(2), local.ProgressInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), local.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), local.LockWaitTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), local.NoProgressTimeout);
        Assert.True(local.RemoveStaleLocks);
        Assert.Equal(ResticCompression.Max, local.Compression);
        Assert.False(local.InheritEnvironment);

        var offsite = monitor.Get("offsite");
        Assert.IsType<S3Repository>(offsite.Repository);
        Assert.Equal("s3:https://s3.example.invalid/bucket/restic", offsite.Repository.ToString());
        Assert.Equal("ResticPassword(command: ***)", offsite.Password!.ToString());
        Assert.Equal("restic", offsite.BinaryPath);
        Assert.True(offsite.InheritEnvironment);
        Assert.Equal("aws-secret-from-user-secrets", offsite.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("max", offsite.EnvironmentVariables["RESTIC_COMPRESSION"]);
        Assert.Equal(3, offsite.EnvironmentVariables.Count);

        Assert.Equal(new LocalRepository("/srv/literal"), monitor.Get("literal").Repository);
        Assert.Equal("ResticPassword(value: ***)", monitor.Get("literal").Password!.ToString());
        Assert.Equal("/srv/backup/restic", ((ResticClient)provider.GetRequiredKeyedService<IResticClient>("local")).Repository.RedactedLocation);
    }

    [Fact]
    public void AddResticClient_DefaultClientFromASection_BindsIt()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var services = new ServiceCollection();
        services.AddResticClient(configuration.GetSection("Restic:literal"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("/srv/literal", ((ResticClient)provider.GetRequiredService<IResticClient>()).Repository.RedactedLocation);
    }

    [Fact]
    public async Task StartAsync_InvalidSettingsInTwoRepositories_FailsNamingEachRepositoryAndSetting()
    {
        const string invalid = """
            {
              "Restic": {
                "local": { "PasswordFile": "/etc/restic/pw", "ProgressInterval": "-00:00:01" },
                "offsite": { "Repository": "sftp:host:/srv", "ShutdownTimeout": "soon", "Password": "p4ss-not-in-messages", "PasswordFile": "/etc/pw", "PasswordFiel": "/typo" }
              }
            }
            """;
        using var host = BuildHost(invalid, "local", "offsite");

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var messages = Failures(ex);
        Assert.Contains(messages, m => m.StartsWith("Restic repository 'local' (configuration 'Restic:local'): Repository is required", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Restic repository 'local' (configuration 'Restic:local'): ProgressInterval must be positive", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Restic repository 'offsite' (configuration 'Restic:offsite'): ShutdownTimeout must be a time span", StringComparison.Ordinal) && m.Contains("'soon'"));
        Assert.Contains(messages, m => m.Contains("'offsite'") && m.Contains("set only one of Password, PasswordFile and PasswordCommand"));
        Assert.Contains(messages, m => m.Contains("'offsite'") && m.Contains("'PasswordFiel' is not a restic client setting"));
        Assert.DoesNotContain(messages, m => m.Contains("p4ss-not-in-messages"));
    }

    [Fact]
    public async Task StartAsync_MissingPasswordInCode_FailsNamingTheRepositoryAndWhatToSet()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddResticClient("offsite", o =>
        {
            o.Repository = new LocalRepository("/srv/offsite");
            o.LockWaitTimeout = TimeSpan.FromSeconds(-1);
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var messages = Failures(ex);
        Assert.Contains("Restic repository 'offsite': a password source is required: set one of Password, PasswordFile or PasswordCommand.", messages);
        Assert.Contains(messages, m => m.StartsWith("Restic repository 'offsite': LockWaitTimeout must not be negative", StringComparison.Ordinal));
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public async Task StartAsync_ValidSettings_Starts()
    {
        using var host = BuildHost(Json, "local", "offsite", "literal");

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void AddResticClient_MissingSection_FailsWhenTheClientIsResolved()
    {
        using var provider = Build(Json, "nowhere");

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IResticClient>("nowhere"));

        Assert.Contains("Restic repository 'nowhere' (configuration 'Restic:nowhere'): Repository is required", ex.Message);
    }

    private static List<string> Failures(Exception ex) => ex switch
    {
        OptionsValidationException options => options.Failures.ToList(),
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Failures).ToList(),
        _ => throw new Xunit.Sdk.XunitException("Unexpected exception: " + ex),
    };

    private static ServiceProvider Build(string json, params string[] names)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        foreach (var name in names)
        {
            services.AddResticClient(name, configuration.GetSection("Restic:" + name));
        }

        return services.BuildServiceProvider(validateScopes: true);
    }

    private static IHost BuildHost(string json, params string[] names)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        foreach (var name in names)
        {
            builder.Services.AddResticClient(name, builder.Configuration.GetSection("Restic:" + name));
        }

        return builder.Build();
    }
}
