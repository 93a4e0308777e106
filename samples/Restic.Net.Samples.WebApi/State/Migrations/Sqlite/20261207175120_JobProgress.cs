using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Restic.Net.Samples.WebApi.State.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProgressJson",
                table: "jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProgressSequence",
                table: "jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProgressJson",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "ProgressSequence",
                table: "jobs");
        }
    }
}
