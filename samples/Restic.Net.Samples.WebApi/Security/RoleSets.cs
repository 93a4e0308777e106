namespace Restic.Net.Samples.WebApi.Security;

/// <summary>
/// The roles that satisfy each level, a higher role including the lower ones: the API's policies, the console's
/// policies and the console's checks all ask for these sets, so the two cannot drift apart.
/// </summary>
internal static class RoleSets
{
    public static readonly string[] Viewers = [ApiKeyAuthenticationHandler.ViewerRole, ApiKeyAuthenticationHandler.OperatorRole, ApiKeyAuthenticationHandler.AdminRole];

    public static readonly string[] Operators = [ApiKeyAuthenticationHandler.OperatorRole, ApiKeyAuthenticationHandler.AdminRole];

    public static readonly string[] Admins = [ApiKeyAuthenticationHandler.AdminRole];
}
