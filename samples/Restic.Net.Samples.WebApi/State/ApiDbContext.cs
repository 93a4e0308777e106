using Microsoft.EntityFrameworkCore;

namespace Restic.Net.Samples.WebApi.State;

/// <summary>
/// The API's state. One model; each provider has its own subclass only because EF Core's migrations
/// are provider-specific (<see cref="SqliteApiDbContext"/>, <see cref="PostgresApiDbContext"/>).
/// </summary>
internal abstract class ApiDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<RepositoryEntity> Repositories => Set<RepositoryEntity>();

    public DbSet<JobEntity> Jobs => Set<JobEntity>();

    public DbSet<AuditEntity> Audit => Set<AuditEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RepositoryEntity>(repository =>
        {
            repository.ToTable("repositories");
            repository.HasKey(r => r.Name);
            repository.Property(r => r.Name).HasMaxLength(64);
            repository.Property(r => r.DisplayLocation).HasMaxLength(2048);
            repository.Property(r => r.CreatedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<JobEntity>(job =>
        {
            job.ToTable("jobs");
            job.HasKey(j => j.Id);
            job.Property(j => j.Kind).HasMaxLength(32);
            job.Property(j => j.Repository).HasMaxLength(64);
            job.Property(j => j.State).HasMaxLength(16);
            job.Property(j => j.StartedBy).HasMaxLength(256);
            job.Property(j => j.Instance).HasMaxLength(256);
            job.HasIndex(j => j.CreatedAt);
            job.HasIndex(j => new { j.Instance, j.State });
        });
        modelBuilder.Entity<AuditEntity>(audit =>
        {
            audit.ToTable("audit");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.User).HasMaxLength(256);
            audit.Property(a => a.Action).HasMaxLength(512);
            audit.Property(a => a.Repository).HasMaxLength(64);
            audit.Property(a => a.SnapshotId).HasMaxLength(64);
            audit.HasIndex(a => a.At);
        });

        // SQLite cannot order by DateTimeOffset: store UTC ticks there; PostgreSQL has timestamptz.
        if (Database.IsSqlite())
        {
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
            }
        }
    }
}
