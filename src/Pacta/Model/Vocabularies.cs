namespace Pacta.Model;

// Closed vocabularies of the model. In the dataset and the API each is written in kebab-case
// (ArmedForce → "armed-force"); an unknown term is an error, never silently kept.

public enum ActorKind { State, Organisation, Court, ArmedForce, DeFactoAuthority, Body, Ngo, Person }

public enum SourceKind { AgreementText, OfficialStatement, CourtJudgment, UnDocument, Dataset, PolicyPaper, NewsReport, NgoReport, Other }

public enum DocumentKind { Agreement, Statement, Proposal, DraftTreaty, Resolution, Judgment }

/// <summary>PA-X agreement stages; <see cref="PaxStages"/> maps them to PA-X's own codes.</summary>
public enum PaxStage { PreNegotiation, SubstantivePartial, SubstantiveComprehensive, Ceasefire, Implementation, Renewal, Other }

public enum DocumentStatus { Proposed, Initialled, Signed, Adopted, InForce, Superseded, Rejected, Expired }

public enum SignatoryRole { Party, Mediator, Witness, Guarantor }

public enum DocumentLinkType { Implements, Supersedes, Amends, RespondsTo, RefersTo }

/// <summary>Thematic codes of provisions, each standing for a PA-X topic.</summary>
public enum Theme
{
    Ceasefire, Withdrawal, Peacekeeping, Monitoring, Territory, BorderDelimitation, TransportLinks,
    RefugeesDisplaced, PrisonersDetainees, MissingPersons, MineAction, Humanitarian, Recognition,
    NonUseOfForce, DiplomaticRelations, EconomicCooperation, Status, RightsOfMinorities, CulturalHeritage,
    ImplementationMechanism, ThirdPartyRole, SecurityGuarantees, Justice,
}

/// <summary>How one obligation depends on another.</summary>
public enum LinkageType
{
    /// <summary>Owed only once the other obligation is met.</summary>
    ConditionalOn,
    /// <summary>Owed in exchange for the other: each side's performance answers the other's.</summary>
    ReciprocalTo,
}

public enum AssessmentStatus { NotStarted, InProgress, Implemented, Violated, Disputed, Lapsed }

/// <summary>How exactly an event's place is known (after ACLED geo_precision and UCDP where_prec).</summary>
public enum LocationPrecision { Exact, Near, District, Province, Area, Country, International }

public enum EventActorRole { SideA, SideB, Initiator, Target, Mediator, Host, Participant, Observer }

public enum MeetingFormat { Bilateral, Trilateral, Quadrilateral, Multilateral }

public enum Stance { Asserts, Denies, Disputes }

public enum FigureQualifier { Exact, Approximate, MoreThan, LessThan, UpTo }

public enum PlaceKind { Country, Region, District, Settlement, BorderSegment, Enclave, Route, Checkpoint, Zone, HazardArea, HeritageSite, Other }

public enum BorderStatus { Agreed, Delimited, Demarcated, Disputed }

/// <summary>The kinds of record a dataset and a store hold. Obligations live inside documents but have ids of their own.</summary>
public enum RecordKind { Actor, Source, Place, Document, Obligation, Assessment, Event, Topic, Claim, Issue }

public static class PaxStages
{
    public static string Code(this PaxStage stage) => stage switch
    {
        PaxStage.PreNegotiation => "Pre",
        PaxStage.SubstantivePartial => "SubPar",
        PaxStage.SubstantiveComprehensive => "SubComp",
        PaxStage.Ceasefire => "Cea",
        PaxStage.Implementation => "Imp",
        PaxStage.Renewal => "Ren",
        PaxStage.Other => "Oth",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static bool TryFromCode(string code, out PaxStage stage)
    {
        foreach (var candidate in Enum.GetValues<PaxStage>())
        {
            if (string.Equals(candidate.Code(), code.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }
        stage = default;
        return false;
    }
}
