using Microsoft.EntityFrameworkCore;

namespace Restic.Net.Samples.WebApi.State;

/// <summary>The PostgreSQL model and its migrations (<c>State/Migrations/PostgreSql</c>).</summary>
internal sealed class PostgresApiDbContext(DbContextOptions<PostgresApiDbContext> options) : ApiDbContext(options);
