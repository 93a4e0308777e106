using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Restic.Net.Samples.WebApi.State;

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresApiDbContext>
{
    public PostgresApiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresApiDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
