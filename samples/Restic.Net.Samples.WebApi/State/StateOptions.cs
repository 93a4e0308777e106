namespace Restic.Net.Samples.WebApi.State;

/// <summary>Where the API keeps what must survive a restart: registered repositories, jobs and the audit trail (<c>State</c> section).</summary>
public sealed class StateOptions
{
    public const string SectionName = "State";

    /// <summary><c>Sqlite</c> (the default, embedded: nothing to install) or <c>PostgreSql</c> (for several API instances behind a load balancer).</summary>
    public StateProvider Provider { get; set; } = StateProvider.Sqlite;

    /// <summary>
    /// The provider's connection string. For SQLite the default is a file <c>restic-api.db</c> in the
    /// content root; for PostgreSQL it is required (<c>Host=…;Database=…;Username=…;Password=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// This instance's name, recorded with the jobs it runs. Instances sharing a database need
    /// distinct names: on start, an instance marks the jobs its name left running as interrupted.
    /// Defaults to the machine name.
    /// </summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>
    /// How long a job may run without its instance showing it is alive (it does once a second) before another
    /// instance marks it failed ("Job instance not answering"), so that nobody waits for it forever: its followers'
    /// streams end and lists show it ended. If the instance finishes the job after all, its outcome replaces that
    /// one. Default 1 minute; at least 3 seconds.
    /// </summary>
    public TimeSpan JobLostAfter { get; set; } = TimeSpan.FromMinutes(1);
}
