using System.IO;
using System.Linq;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResolutionKit.Reading;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>Stable node addresses: PP-191/instructs-secretary-general/2.1.</summary>
public class AddressTests
{
    private static readonly Model.Resolution Pp191 = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Corpus, "pp-191.txt")).Value!;

    private static Model.Resolution Read(params string[] body) => ResolutionTextReader.Read(string.Join("\n", new[]
    {
        "RESOLUTION 191 (REV. BUCHAREST, 2022)", string.Empty, "Title", string.Empty,
        "The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),", string.Empty,
    }.Concat(body)) + "\n").Value!;

    [Fact]
    public void GroupAddresses_ShouldBeTheKindFollowedByTheActorKeys()
    {
        Assert.Equal(
            new[]
            {
                "PP-191/considering", "PP-191/recalling", "PP-191/noting", "PP-191/resolves", "PP-191/instructs-secretary-general",
                "PP-191/instructs-directors", "PP-191/instructs-council", "PP-191/invites-member-states-sector-members",
            },
            Pp191.GroupNodes().Select(g => g.Address));
    }

    [Theory]
    [InlineData("resolves to instruct the Secretary-General", "PP-191/resolves-to-instruct-secretary-general")]
    [InlineData("instructs the Director of the Telecommunication Standardization Bureau", "PP-191/instructs-director-tsb")]
    [InlineData("bearing in mind", "PP-191/bearing-in-mind")]
    [InlineData("requests the Council,", "PP-191/requests-council")]
    public void Heading_ShouldGiveItsSlug(string heading, string address)
    {
        var r = Read(heading, "to do x.");

        Assert.Equal(address, Assert.Single(r.GroupNodes()).Address);
    }

    [Fact]
    public void ClauseAddresses_ShouldFollowLabelsWithSubClausesUnderTheGroup()
    {
        var addresses = Pp191.Clauses().Select(c => c.Address).ToList();

        Assert.Contains("PP-191/considering/a", addresses);
        Assert.Contains("PP-191/instructs-secretary-general/2", addresses);
        Assert.Contains("PP-191/instructs-secretary-general/2.1", addresses);
        Assert.Contains("PP-191/instructs-secretary-general/2.2", addresses);
        Assert.Contains("PP-191/instructs-council/(1)", addresses);
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
    }

    [Fact]
    public void SubClause_ShouldKnowItsParentAndDepth()
    {
        var node = Pp191.Clauses().Single(c => c.Address == "PP-191/instructs-secretary-general/2.1");

        Assert.Equal(1, node.Depth);
        Assert.Equal("2", node.Parent!.Label);
        Assert.Equal("PP-191/instructs-secretary-general", node.Group.Address);
        Assert.Equal(new[] { 1, 0 }, node.Path);
    }

    /// <summary>
    /// Paths are the indexes down from the group, for the first clauses (whose paths are made once and shared) and for
    /// clauses far down a long group alike.
    /// </summary>
    [Fact]
    public void Paths_ShouldBeTheIndexesDownFromTheGroup_InLongGroups()
    {
        var lines = new System.Collections.Generic.List<string> { "resolves" };
        for (var i = 1; i <= 40; i++)
        {
            lines.Add($"{i}\tthat item {i} holds;");
            if (i is 2 or 35)
            {
                for (var j = 1; j <= 36; j++)
                {
                    lines.Add($"{i}.{j}\tsub-item {i}.{j};");
                }
            }
        }

        var clauses = Read(lines.ToArray()).Clauses().ToList();
        Assert.Equal(40 + 72, clauses.Count);
        foreach (var c in clauses)
        {
            var numbers = c.Clause.Label.Split('.').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) - 1).ToArray();
            Assert.Equal(numbers, c.Path);
            Assert.Equal(numbers.Length - 1, c.Depth);
        }
    }

    [Fact]
    public void RomanSubClause_ShouldBeAddressedUnderItsParent()
    {
        var r = Read("resolves", "1\tto do x:", "i)\tby a;", "ii)\tby b;", "2\tto do y.");

        Assert.Equal(new[] { "PP-191/resolves/1", "PP-191/resolves/1/i", "PP-191/resolves/1/ii", "PP-191/resolves/2" }, r.Clauses().Select(c => c.Address));
    }

    [Fact]
    public void DuplicateHeadings_ShouldGetNumberedAddresses()
    {
        var r = Read("considering", "that x,", string.Empty, "considering", "that y,", string.Empty, "considering", "that z,", string.Empty, "resolves", "to do x.");

        Assert.Equal(new[] { "PP-191/considering", "PP-191/considering-2", "PP-191/considering-3", "PP-191/resolves" }, r.GroupNodes().Select(g => g.Address));
        Assert.Equal("PP-191/considering-2/(1)", r.Clauses().ElementAt(1).Address);
    }

    [Fact]
    public void UnlabelledClauses_ShouldBeNumberedInParentheses()
    {
        var r = Read("invites Member States", "to do x;", string.Empty, "to do y.");

        Assert.Equal(new[] { "PP-191/invites-member-states/(1)", "PP-191/invites-member-states/(2)" }, r.Clauses().Select(c => c.Address));
    }

    [Fact]
    public void DecisionAndSectorResolutions_ShouldBeAddressedByBody()
    {
        var decision = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Corpus, "pp-decision-5.txt")).Value!;
        var wtsa = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Corpus, "wtsa-18.txt")).Value!;
        var wtdc = ResolutionTextReader.ReadFile(Path.Combine(TestPaths.Corpus, "wtdc-58.txt")).Value!;

        Assert.Equal("PP-DEC-5/decides/1", decision.Clauses().First(c => c.Group.Group.Kind == "decides").Address);
        Assert.Equal("WTSA-18", wtsa.Address);
        Assert.Equal("WTDC-58", wtdc.Address);
        Assert.StartsWith("WTSA-18/considering/a", wtsa.Clauses().First().Address, System.StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(ResolutionArbitraries) }, MaxTest = 100)]
    public void AnyValidResolution_ShouldHaveDistinctAddresses(GeneratedResolution generated)
    {
        var r = generated.Value;
        var groups = r.GroupNodes().Select(g => g.Address).ToList();
        var clauses = r.Clauses().Select(c => c.Address).ToList();

        Assert.Equal(groups.Count, groups.Distinct().Count());
        Assert.Equal(clauses.Count, clauses.Distinct().Count());
        Assert.All(clauses, a => Assert.StartsWith(r.Address + "/", a, System.StringComparison.Ordinal));
        Assert.Equal(r.Clauses().Select(c => c.Address), ResolutionTextReader.Read(Writing.ResolutionTextWriter.Write(r)).Value!.Clauses().Select(c => c.Address));
    }
}

public class LanguageIndependentAddressTests
{
    [Fact]
    public void SameResolutionInFrenchAndEnglish_ShouldHaveTheSameGroupAddresses()
    {
        const string English = "RESOLUTION 154 (REV. BUCHAREST, 2022)\n\nUse of the six official languages\n\nThe Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nconsidering\nthat the languages matter,\n\nresolves\nto use them;\n\ninstructs the Secretary-General\nto report,\n\ninvites Member States\nto help.\n";
        const string French = "RÉSOLUTION 154 (RÉV. BUCAREST, 2022)\n\nUtilisation des six langues officielles\n\nLa Conférence de plénipotentiaires de l'Union internationale des télécommunications (Bucarest, 2022),\n\nconsidérant\nque les langues comptent,\n\ndécide\nde les utiliser;\n\ncharge le Secrétaire général\nde faire rapport,\n\ninvite les États Membres\nà aider.\n";
        var en = ResolutionKit.Reading.ResolutionTextReader.Read(English).Value!;
        var fr = ResolutionKit.Reading.ResolutionTextReader.Read(French).Value!;
        Assert.Equal("fr", fr.Language);
        Assert.Equal(en.GroupNodes().Select(g => g.Address), fr.GroupNodes().Select(g => g.Address));
        Assert.Equal(en.Clauses().Select(c => c.Address), fr.Clauses().Select(c => c.Address));
    }
}

/// <summary>An instrument's address is made once, and stays that of its own body, kind and number.</summary>
public class InstrumentAddressTests
{
    [Fact]
    public void Address_ShouldFollowACopyMadeWithAnotherNumberOrKind()
    {
        var id = new Model.InstrumentId(Model.Body.Plenipotentiary, Model.InstrumentKind.Resolution, "191");
        Assert.Equal("PP-191", id.Address);
        Assert.Same(id.Address, id.Address);
        var other = id with { Number = "192" };
        Assert.Equal("PP-192", other.Address);
        Assert.Equal("PP-DEC-191", (id with { Kind = Model.InstrumentKind.Decision }).Address);
        Assert.Equal("WTSA-191", (id with { Body = Model.Body.Wtsa }).Address);
        Assert.Equal("PP-191", id.Address);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public FsCheck.Property Equality_ShouldNotDependOnWhetherTheAddressWasAskedFor() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Gen.Elements("1", "44A", "191", "[ACP-1]").ToArbitrary(),
            FsCheck.Fluent.Gen.Elements(Model.InstrumentKind.Resolution, Model.InstrumentKind.Decision, Model.InstrumentKind.Opinion).ToArbitrary(),
            (number, kind) =>
            {
                var a = new Model.InstrumentId(Model.Body.Wtdc, kind, number);
                var b = new Model.InstrumentId(new Model.Body("WTDC", Model.Body.Wtdc.Name), kind, new string(number.ToCharArray()));
                _ = a.Address;
                Assert.Equal(a, b);
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
                Assert.Equal(a.Address, b.Address);
                Assert.NotEqual(a, b with { Number = number + "0" });
            });
}
