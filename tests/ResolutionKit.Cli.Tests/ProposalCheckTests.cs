using System.IO;
using System.Linq;
using Xunit;

namespace ResolutionKit.Cli.Tests;

/// <summary><c>reskit check</c> on a proposal: the text each unit would produce, reported where the unit changes it.</summary>
public sealed class ProposalCheckTests : System.IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reskit-proposal-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Theory]
    [InlineData("proposal-text", "pp-154-proposal.txt")]
    [InlineData("docx", "pp-154-proposal.docx")]
    public void AProposal_ShouldBeReportedOnWhatItChanges_OrWhollyWithWhole(string format, string name)
    {
        var proposal = Path.Combine(_folder, name);
        var made = Reskit.Run("streamline", "samples/corpus/pp-154.txt", "--format", format, "-o", proposal, "--source", "EUR", "--document", "12");
        Assert.True(made.ExitCode == 0, made.Err);

        var (code, focused, _) = Reskit.Run("check", proposal, "--as-of", "PP-26");
        var (_, whole, _) = Reskit.Run("check", proposal, "--as-of", "PP-26", "--whole");

        Assert.Equal(0, code);
        // The unit changes the clause with "chairman": its other finding (one periodic report) is reported there.
        Assert.Contains("RK6001", focused);
        Assert.DoesNotContain("RK8001", focused);
        Assert.DoesNotContain("RK5001", focused);
        Assert.DoesNotContain("RK2001", focused);
        // The whole text it proposes still has the findings of the clauses it leaves as they are.
        Assert.Contains("RK5001", whole);
        Assert.Contains("RK2001", whole);
        Assert.DoesNotContain("RK8001", whole);
    }

    [Fact]
    public void AModUnit_ShouldBeComparedWithTheTextInForce()
    {
        var proposal = Path.Combine(_folder, "pp-154-proposal.txt");
        Assert.Equal(0, Reskit.Run("streamline", "samples/corpus/pp-154.txt", "--format", "proposal-text", "-o", proposal, "--source", "EUR", "--document", "12").ExitCode);
        var older = Directory.CreateDirectory(Path.Combine(_folder, "in-force")).FullName;
        File.WriteAllText(Path.Combine(older, "pp-154.txt"), File.ReadAllText(Path.Combine(Reskit.Root, "samples", "corpus", "pp-154.txt")).Replace("closely followed", "followed", System.StringComparison.Ordinal));

        var (_, current, _) = Reskit.Run("check", proposal, "--corpus", "samples/corpus");
        var (_, stale, _) = Reskit.Run("check", proposal, "--corpus", older);

        Assert.DoesNotContain("RK0022", current);
        Assert.DoesNotContain("samples/corpus/", current);
        var line = stale.Split('\n').Single(l => l.Contains("RK0022", System.StringComparison.Ordinal));
        Assert.Contains("pp-154-proposal.txt:1:1: warning RK0022: EUR/12/1 modifies PP-154, but its text before the changes differs from the text in force", line);
        Assert.EndsWith("at PP-154/considering/c", line);
    }
}
