using System;
using System.Collections.Generic;

namespace ResolutionKit.Model;

/// <summary>Whether a body can be instructed by the conference or only invited.</summary>
public enum ActorStanding
{
    /// <summary>An organ of the Union (Secretary-General, Directors, Council, advisory groups): it can be instructed.</summary>
    Organ,

    /// <summary>Member States, Sector Members, assemblies, other organizations: they are invited or encouraged.</summary>
    External,

    /// <summary>Not known.</summary>
    Unknown,
}

/// <summary>
/// An addressee of an operative group, normalized to a key (<c>SecretaryGeneral</c>, <c>DirectorTSB</c>,
/// <c>MemberStates</c>, ...).
/// </summary>
/// <param name="Key">The normalized key.</param>
/// <param name="Name">The canonical English name.</param>
/// <param name="Standing">Whether the conference can instruct it.</param>
public sealed record Actor(string Key, string Name, ActorStanding Standing)
{
    /// <summary>The Secretary-General.</summary>
    public static Actor SecretaryGeneral { get; } = new("SecretaryGeneral", "the Secretary-General", ActorStanding.Organ);

    /// <summary>The Directors of the three Bureaux.</summary>
    public static Actor Directors { get; } = new("Directors", "the Directors of the three Bureaux", ActorStanding.Organ);

    /// <summary>The Director of the Radiocommunication Bureau.</summary>
    public static Actor DirectorBR { get; } = new("DirectorBR", "the Director of the Radiocommunication Bureau", ActorStanding.Organ);

    /// <summary>The Director of the Telecommunication Standardization Bureau.</summary>
    public static Actor DirectorTSB { get; } = new("DirectorTSB", "the Director of the Telecommunication Standardization Bureau", ActorStanding.Organ);

    /// <summary>The Director of the Telecommunication Development Bureau.</summary>
    public static Actor DirectorBDT { get; } = new("DirectorBDT", "the Director of the Telecommunication Development Bureau", ActorStanding.Organ);

    /// <summary>The Council.</summary>
    public static Actor Council { get; } = new("Council", "the Council", ActorStanding.Organ);

    /// <summary>The Radiocommunication Advisory Group.</summary>
    public static Actor Rag { get; } = new("RAG", "the Radiocommunication Advisory Group", ActorStanding.Organ);

    /// <summary>The Telecommunication Standardization Advisory Group.</summary>
    public static Actor Tsag { get; } = new("TSAG", "the Telecommunication Standardization Advisory Group", ActorStanding.Organ);

    /// <summary>The Telecommunication Development Advisory Group.</summary>
    public static Actor Tdag { get; } = new("TDAG", "the Telecommunication Development Advisory Group", ActorStanding.Organ);

    /// <summary>Member States.</summary>
    public static Actor MemberStates { get; } = new("MemberStates", "Member States", ActorStanding.External);

    /// <summary>Sector Members.</summary>
    public static Actor SectorMembers { get; } = new("SectorMembers", "Sector Members", ActorStanding.External);

    /// <summary>Associates and Academia.</summary>
    public static Actor Academia { get; } = new("Academia", "Academia", ActorStanding.External);

    /// <summary>The Sector assemblies and conferences (WTSA, WTDC, RA).</summary>
    public static Actor SectorAssemblies { get; } = new("SectorAssemblies", "the Sector assemblies and conferences", ActorStanding.External);

    /// <summary>Associates of the Sectors.</summary>
    public static Actor Associates { get; } = new("Associates", "Associates", ActorStanding.External);

    /// <summary>The Plenipotentiary Conference, as a Sector assembly invites it.</summary>
    public static Actor PlenipotentiaryConference { get; } = new("PlenipotentiaryConference", "the Plenipotentiary Conference", ActorStanding.External);

    /// <summary>The Sectors themselves (ITU-R, ITU-T, ITU-D).</summary>
    public static Actor Sectors { get; } = new("Sectors", "the Sectors", ActorStanding.Organ);

    /// <summary>The study groups of the Sectors.</summary>
    public static Actor StudyGroups { get; } = new("StudyGroups", "the study groups", ActorStanding.Organ);

    /// <summary>The General Secretariat.</summary>
    public static Actor GeneralSecretariat { get; } = new("GeneralSecretariat", "the General Secretariat", ActorStanding.Organ);

    /// <summary>The regional offices of the Union.</summary>
    public static Actor RegionalOffices { get; } = new("RegionalOffices", "the regional offices", ActorStanding.Organ);

    /// <summary>The Coordination Committee.</summary>
    public static Actor CoordinationCommittee { get; } = new("CoordinationCommittee", "the Coordination Committee", ActorStanding.Organ);

    /// <summary>Administrations (of Member States).</summary>
    public static Actor Administrations { get; } = new("Administrations", "administrations", ActorStanding.External);

    /// <summary>Other organizations and stakeholders.</summary>
    public static Actor OtherOrganizations { get; } = new("OtherOrganizations", "other organizations", ActorStanding.External);

    /// <summary>The well-known actors, by key.</summary>
    public static IReadOnlyList<Actor> WellKnown { get; } = Array.AsReadOnly(new[]
    {
        SecretaryGeneral, Directors, DirectorBR, DirectorTSB, DirectorBDT, Council, Rag, Tsag, Tdag,
        MemberStates, SectorMembers, Academia, SectorAssemblies, OtherOrganizations,
        Associates, PlenipotentiaryConference, Sectors, StudyGroups, GeneralSecretariat, RegionalOffices, CoordinationCommittee, Administrations,
    });

    /// <summary>Finds a well-known actor by key (case-insensitive); null when none has it.</summary>
    /// <param name="key">The key.</param>
    public static Actor? FromKey(string key)
    {
        foreach (var actor in WellKnown)
        {
            if (string.Equals(actor.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return actor;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
