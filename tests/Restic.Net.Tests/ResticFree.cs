// Nothing in this assembly starts restic: build.sh runs it once, not against every provisioned version.
[assembly: Xunit.AssemblyTrait("Restic", "None")]
