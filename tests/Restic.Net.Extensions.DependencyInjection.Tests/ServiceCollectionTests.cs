using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Restic.Net.Tests.Support;

namespace Restic.Net.Extensions.DependencyInjection.Tests;

/// <summary>Registration and resolution; no restic process is started.</summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public class ServiceCollectionTests
{
    [Fact]
    public void AddResticClient_DefaultClient_ResolvesOneSingletonForTheConfiguredRepository()
    {
        var services = new ServiceCollection();
        services.AddResticClient(o =>
        {
            o.Repository = new LocalRepository("/srv/backup");
            o.Password = ResticPassword.FromValue("secret");
        });
        using var provider = services.BuildServiceProvider(validateScopes: true);

        var client = provider.GetRequiredService<IResticClient>();

        Assert.Same(client, provider.GetRequiredService<IResticClient>());
        Assert.Same(client, provider.GetRequiredService<IResticClientFactory>().CreateClient(""));
        Assert.Equal("/srv/backup", Assert.IsType<ResticClient>(client).Repository.RedactedLocation);
    }

    [Fact]
    public void AddResticClient_TwoNamedClients_KeyedServicesAndFactoryGiveTheSameClientPerName()
    {
        var services = new ServiceCollection();
        services.AddResticClient("local", o => Configure(o, "/srv/local"));
        services.AddResticClient("offsite", o => Configure(o, "sftp:backup@example.invalid:/srv/restic"));
        using var provider = services.BuildServiceProvider(validateScopes: true);
        var factory = provider.GetRequiredService<IResticClientFactory>();

        var local = provider.GetRequiredKeyedService<IResticClient>("local");
        var offsite = provider.GetRequiredKeyedService<IResticClient>("offsite");

        Assert.Same(local, factory.CreateClient("local"));
        Assert.Same(offsite, factory.CreateClient("offsite"));
        Assert.NotSame(local, offsite);
        Assert.Equal("/srv/local", ((ResticClient)local).Repository.RedactedLocation);
        Assert.Equal("sftp:backup@example.invalid:/srv/restic", ((ResticClient)offsite).Repository.RedactedLocation);
        Assert.Null(provider.GetService<IResticClient>());
    }

    [Fact]
    public void AddResticClient_FromKeyedServicesParameter_InjectsTheNamedClient()
    {
        var services = new ServiceCollection();
        services.AddResticClient("local", o => Configure(o, "/srv/local"));
        services.AddResticClient("offsite", o => Configure(o, "/srv/offsite"));
        services.AddSingleton<OffsiteBackupJob>();
        using var provider = services.BuildServiceProvider(validateScopes: true);

        var job = provider.GetRequiredService<OffsiteBackupJob>();

        Assert.Equal("/srv/offsite", ((ResticClient)job.Client).Repository.RedactedLocation);
    }

    [Fact]
    public void AddResticClient_CalledTwiceForTheSameName_RegistersEachServiceOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddResticClient("offsite", o => Configure(o, "/srv/offsite"));
        services.AddResticClient("offsite", o => o.LockWaitTimeout = TimeSpan.FromMinutes(5));
        services.AddResticClient("other", o => Configure(o, "/srv/other"));

        Assert.Single(services, d => d.ServiceType == typeof(IResticClientFactory));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ResticClientOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IResticClient) && Equals(d.ServiceKey, "offsite"));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<ResticClientOptions>>().Get("offsite");
        Assert.Equal("/srv/offsite", options.Repository!.ToString());
        Assert.Equal(TimeSpan.FromMinutes(5), options.LockWaitTimeout);
    }

    [Fact]
    public void CreateClient_UnregisteredName_ThrowsNamingTheRegisteredOnes()
    {
        var services = new ServiceCollection();
        services.AddResticClient("local", o => Configure(o, "/srv/local"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IResticClientFactory>().CreateClient("offiste"));

        Assert.Contains("'offiste'", ex.Message);
        Assert.Contains("Registered: 'local'", ex.Message);
    }

    [Fact]
    public void AddResticClient_WhiteSpaceName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddResticClient(" ", o => Configure(o, "/srv")));
    }

    [Fact]
    public void CreateClient_LoggerFactoryFromTheContainer_LogsTheCreationWithTheRedactedRepository()
    {
        var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddResticClient("offsite", o => Configure(o, "rest:https://backup:url-s3cret@example.invalid/repo"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredKeyedService<IResticClient>("offsite");

        var created = Assert.Single(logs.Entries, e => e.EventId.Id == 2000);
        Assert.Equal("ClientCreated", created.EventId.Name);
        Assert.Equal("offsite", created["Name"]);
        Assert.Equal("rest:https://backup:***@example.invalid/repo", created["Repository"]);
        Assert.DoesNotContain("url-s3cret", created.AllText);
    }

    [Fact]
    public void AddResilience_PipelineFromTheContainer_BecomesTheClientsPolicy()
    {
        var pipeline = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromMinutes(1)).Build();
        var services = new ServiceCollection();
        services.AddKeyedSingleton("restic", pipeline);
        services.AddResticClient("offsite", o => Configure(o, "/srv/offsite"))
            .AddResilience(sp => sp.GetRequiredKeyedService<ResiliencePipeline>("restic"));
        services.AddResticClient("local", o => Configure(o, "/srv/local"))
            .AddResilience(b => b.AddTimeout(TimeSpan.FromSeconds(5)));
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<ResticClientOptions>>();

        Assert.Same(pipeline, Assert.IsType<PollyResiliencePolicy>(monitor.Get("offsite").Resilience).Pipeline);
        var local = Assert.IsType<PollyResiliencePolicy>(monitor.Get("local").Resilience).Pipeline;
        Assert.NotSame(pipeline, local);
        Assert.Null(monitor.Get(Options.DefaultName).Resilience);
    }

    [Fact]
    public async Task PollyAdapter_RunsEachAttemptInThePipeline_WithTheCommandAsOperationKey()
    {
        var keys = new List<string?>();
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new Polly.Retry.RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ResticRepositoryLockedException>(),
                Delay = TimeSpan.Zero,
                MaxRetryAttempts = 2,
                OnRetry = args =>
                {
                    keys.Add(args.Context.OperationKey);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        var policy = new PollyResiliencePolicy(pipeline);
        var context = new ResticCommandContext { Operation = "prune", Repository = "/srv/repo" };
        var attempts = 0;

        await policy.ExecuteAsync(
            _ => ++attempts < 3 ? throw ResticModelFactory.RepositoryLockedException("repository is already locked") : ValueTask.CompletedTask,
            context,
            CancellationToken.None);

        Assert.Equal(3, attempts);
        Assert.Equal(["prune", "prune"], keys);
    }

    [Fact]
    public void EventIds_EveryLoggerMessageOfThePackage_IsDocumented()
    {
        var methods = typeof(IResticClientFactory).Assembly.GetType("Restic.Net.Extensions.DependencyInjection.Log", throwOnError: true)!
            .GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .SelectMany(m => m.GetCustomAttributes(typeof(LoggerMessageAttribute), false).Cast<LoggerMessageAttribute>())
            .ToArray();
        var docs = File.ReadAllText(Path.Combine(SourceCheckout.Root, "docs", "logging.md"));

        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            Assert.InRange(method.EventId, 2000, 2999);
            Assert.Contains($"| {method.EventId} | `{method.EventName}` |", docs);
        }
    }

    internal static void Configure(ResticClientOptions options, string repository)
    {
        options.Repository = ResticRepository.Parse(repository);
        options.Password = ResticPassword.FromValue("secret");
    }

    private sealed class OffsiteBackupJob([FromKeyedServices("offsite")] IResticClient client)
    {
        public IResticClient Client { get; } = client;
    }
}
