using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResourceMap.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sensitive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Sensitive",
                table: "Resources",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sensitive",
                table: "Resources");
        }
    }
}
