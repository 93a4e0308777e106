using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Restic.Net.Samples.WebApi.State;

/// <summary>
/// For <c>dotnet ef migrations add NAME --context SqliteApiDbContext --output-dir State/Migrations/Sqlite</c>
/// (and the PostgreSQL twin): the tools build the model without starting the app or a server.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApiDbContext>
{
    public SqliteApiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteApiDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
