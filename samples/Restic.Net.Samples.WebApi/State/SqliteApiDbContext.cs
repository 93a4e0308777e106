using Microsoft.EntityFrameworkCore;

namespace Restic.Net.Samples.WebApi.State;

/// <summary>The SQLite model and its migrations (<c>State/Migrations/Sqlite</c>).</summary>
internal sealed class SqliteApiDbContext(DbContextOptions<SqliteApiDbContext> options) : ApiDbContext(options);
