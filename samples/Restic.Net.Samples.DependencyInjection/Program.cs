using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Restic.Net;
using Restic.Net.Extensions.DependencyInjection;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddResticClient("local", builder.Configuration.GetSection("Restic:local"));
builder.Services.AddResticClient("offsite", builder.Configuration.GetSection("Restic:offsite"));
using var host = builder.Build();
await host.StartAsync(); // validates both repositories' settings

foreach (var name in new[] { "local", "offsite" })
{
    var client = host.Services.GetRequiredKeyedService<IResticClient>(name);
    var summary = await client.BackupAsync([builder.Configuration["BackupPath"]!]);
    Console.WriteLine($"{name}: snapshot {summary.SnapshotId?.ToShortString()}, {summary.DataAdded} bytes added");
}
