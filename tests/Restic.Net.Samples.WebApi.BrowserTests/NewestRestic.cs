// The console in a browser: its pages, roles and scripts do not change with the restic version, and the web API's
// tests cover each version's restic behind them. build.sh runs this assembly against the newest restic only.
[assembly: Xunit.AssemblyTrait("Restic", "Newest")]
