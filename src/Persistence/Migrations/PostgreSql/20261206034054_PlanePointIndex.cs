using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResourceMap.Persistence.Migrations.PostgreSql
{
    /// <summary>
    /// A GiST index on the resources' points as plane geometry: `within` and `withinAreaId` test ST_Covers(shape,
    /// "Geography"::geometry), which the geography index cannot serve. An expression index, which EF's model does not
    /// describe, so it is written here by hand.
    /// </summary>
    public partial class PlanePointIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX \"IX_Resources_Geography_Plane\" ON \"Resources\" USING gist ((\"Geography\"::geometry));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Resources_Geography_Plane\";");
        }
    }
}
