namespace Cheeger.Build.Tests;

public sealed class CudaToolkitTests
{
    [Fact]
    public void The_components_entry_keeps_the_machines_types_uris_suites_and_keys()
    {
        const string debian = """
            Types: deb
            # a comment
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb
            URIs: http://mirror.example/debian-security
            Suites: bookworm-security
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
            """;

        var derived = CudaToolkit.DeriveFromDeb822(debian.ReplaceLineEndings("\n"));

        Assert.Equal("""
            Types: deb
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: contrib non-free
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb
            URIs: http://mirror.example/debian-security
            Suites: bookworm-security
            Components: contrib non-free
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            """.ReplaceLineEndings("\n"), derived);
    }

    [Fact]
    public void One_line_entries_get_contrib_non_free_after_their_suite()
    {
        var derived = CudaToolkit.DeriveFromOneLineEntries(
        [
            "deb [signed-by=/k.gpg] http://mirror.example/debian bookworm main",
            "# deb-src http://mirror.example/debian bookworm main",
            "deb http://mirror.example/debian-security bookworm-security main",
        ]);

        Assert.Equal(
            "deb [signed-by=/k.gpg] http://mirror.example/debian bookworm contrib non-free\n" +
            "deb http://mirror.example/debian-security bookworm-security contrib non-free\n",
            derived);
    }

    [Fact]
    public void Nothing_to_derive_from_is_null()
    {
        Assert.Null(CudaToolkit.DeriveFromDeb822("Types: deb\nSuites: bookworm\n"));
        Assert.Null(CudaToolkit.DeriveFromOneLineEntries(["# nothing here"]));
    }
}
