using Microsoft.EntityFrameworkCore;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// Each provider's migrations build the model the code has: a property added without its migration (dotnet-ef, see
/// <see cref="SqliteDesignTimeFactory"/>) would fail on the first write of a database made by the migrations.
/// </summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class MigrationTests
{
    [Fact]
    public void TheSqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteApiDbContext(new DbContextOptionsBuilder<SqliteApiDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model changed without a migration: run dotnet-ef migrations add (State/SqliteDesignTimeFactory.cs).");
    }

    [Fact]
    public void ThePostgreSqlMigrations_MatchTheModel()
    {
        // No server: the model is compared with the migrations' snapshot, nothing connects.
        using var db = new PostgresApiDbContext(new DbContextOptionsBuilder<PostgresApiDbContext>().UseNpgsql("Host=127.0.0.1;Database=none").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model changed without a migration: run dotnet-ef migrations add (State/PostgresDesignTimeFactory.cs).");
    }
}
