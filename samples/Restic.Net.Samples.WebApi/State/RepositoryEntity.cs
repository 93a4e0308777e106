namespace Restic.Net.Samples.WebApi.State;

/// <summary>A repository registered with <c>POST /init</c>. Its location may carry credentials, so it is stored protected.</summary>
internal sealed class RepositoryEntity
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The location, protected with Data Protection (a REST URL may hold a password).</summary>
    public string ProtectedLocation { get; set; } = string.Empty;

    /// <summary>The location with credentials masked, for listings.</summary>
    public string DisplayLocation { get; set; } = string.Empty;

    /// <summary>The password token <c>POST /init</c> returned (protected; useless without the key ring).</summary>
    public string PasswordToken { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;
}
