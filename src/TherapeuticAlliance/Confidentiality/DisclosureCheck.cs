using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Confidentiality;

/// <summary>
/// Decides disclosure requests (<c>TA.CONF.*</c>): deny by default, permit where an authorization or a permission
/// of the law covers the request, with the conditions the law attaches, and send to review where the law asks for
/// judgement. Under HIPAA, psychotherapy notes need their own authorization except where 164.508(a)(2) says
/// otherwise, SUD records need a 42 CFR Part 2 consent or one of its exceptions, and each permitted disclosure that is
/// not exempt gets an accounting entry. Under GDPR, Article 9 decides.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Decision support, not legal advice: the facts in the request are the host's
/// assertions, and state or national law may be stricter (configure it in <see cref="ConfidentialitySettings"/>).
/// </remarks>
public static class DisclosureCheck
{
    /// <summary>The evidence name of a factor a reviewer must weigh.</summary>
    internal const string FactorEvidence = "factor";

    private const DataCategories SubstanceUse = DataCategories.SubstanceUseRecords | DataCategories.SubstanceUseCounselingNotes;
    private const DataCategories IdentificationData = DataCategories.Demographics | DataCategories.Appointments;
    private const DisclosureFacts MinorControlsCare =
        DisclosureFacts.MinorConsentedAlone | DisclosureFacts.MinorCareCourtAuthorized | DisclosureFacts.ParentAgreedToConfidentiality;

    // Evidence is built once: its codes are checked on creation, which would dominate a decision's cost.
    private static readonly Evidence[] RoleEvidence = CodesOf<RecipientRole>("recipient");
    private static readonly Evidence[] InstrumentEvidence = CodesOf<LegalInstrument>("instrument");
    private static readonly Evidence[] DutyEvidence = CodesOf<DutyToProtect>("duty");
    private static readonly Evidence[] PurposeEvidence =
        Array.ConvertAll(Enum.GetValues<DisclosurePurpose>(), p => Evidence.OfCode("purpose", ConfidentialityCodes.PurposeOfUse(p).Code));
    private static readonly Evidence[] WithheldEvidence = CodesOf<DataCategories>("withheld", skipNone: true);

    /// <summary>Decides a disclosure request.</summary>
    /// <param name="settings">The policy's confidentiality settings.</param>
    /// <param name="request">The request.</param>
    /// <param name="authorizations">The patient's authorizations (others' are ignored), in any status.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException">An argument or an authorization is null.</exception>
    [Pure]
    public static DisclosureDecision Decide(ConfidentialitySettings settings, DisclosureRequest request, IReadOnlyList<Authorization> authorizations)
    {
        Guard.Against.Null(settings);
        Guard.Against.Null(request);
        Guard.Against.Null(authorizations);
        var decision = new Builder(request, settings);
        Coverage coverage = Cover(request, settings.Law, authorizations);
        bool gdpr = settings.Law == PrivacyLaw.Gdpr;
        DataCategories rest = Authorized(decision, coverage.Active);
        if (rest == DataCategories.None)
        {
            return Finish(decision, coverage);
        }

        if (request.Purpose == DisclosurePurpose.PatientRequest && request.Recipient.Role is RecipientRole.Patient or RecipientRole.PersonalRepresentative)
        {
            Access(decision, rest, gdpr ? ConfidentialityCitations.GdprAccess : ConfidentialityCitations.HipaaAccess);
        }
        else if ((rest = SpecialCategories(decision, rest)) != DataCategories.None)
        {
            if (gdpr)
            {
                GdprBasis(decision, rest);
            }
            else
            {
                HipaaBasis(decision, rest);
            }
        }

        return Finish(decision, coverage);
    }

    private static DisclosureDecision Finish(Builder decision, Coverage coverage)
    {
        if ((decision.Withheld & coverage.Lapsed) != 0)
        {
            // Explain why the authorization that names this recipient and purpose no longer helps.
            decision.Deny(
                coverage.LapsedStatus == AuthorizationStatus.Revoked ? ConfidentialityRuleCodes.AuthorizationRevoked : ConfidentialityRuleCodes.AuthorizationExpired,
                decision.Settings.Law == PrivacyLaw.Gdpr ? ConfidentialityCitations.GdprExplicitConsent : ConfidentialityCitations.HipaaDefectiveAuthorization,
                DataCategories.None, Evidence.OfId("authorization", coverage.LapsedId!));
        }

        return decision.Build();
    }

    // What active authorizations cover goes (HIPAA 164.508; Part 2 consent, with its notice; GDPR explicit consent).
    private static DataCategories Authorized(Builder d, DataCategories covered)
    {
        if (covered != DataCategories.None)
        {
            bool gdpr = d.Settings.Law == PrivacyLaw.Gdpr;
            bool part2 = !gdpr && (covered & SubstanceUse) != 0;
            d.Pass(
                ConfidentialityRuleCodes.Authorized,
                gdpr ? ConfidentialityCitations.GdprExplicitConsent : part2 ? ConfidentialityCitations.Part2Consent : ConfidentialityCitations.HipaaAuthorizationRequired);
            d.Allow(covered);
            if (part2)
            {
                d.Condition(ConfidentialityRuleCodes.RedisclosureNotice, ConfidentialityCitations.Part2RedisclosureNotice, DisclosureConditions.RedisclosureNotice);
            }
        }

        return d.Request.Categories & ~covered;
    }

    // Categories that need their own authorization whatever the purpose, unless an exception applies.
    private static DataCategories SpecialCategories(Builder d, DataCategories rest)
    {
        DisclosureRequest r = d.Request;
        bool hipaa = d.Settings.Law == PrivacyLaw.Hipaa;
        if (hipaa && (rest & DataCategories.PsychotherapyNotes) != 0)
        {
            switch (PsychotherapyNotesRule(r))
            {
                case NotesRule.Exception:
                    d.Pass(ConfidentialityRuleCodes.PsychotherapyNotes, ConfidentialityCitations.HipaaPsychotherapyNotes);
                    break;
                case NotesRule.Review:
                    // A subpoena is "required by law" (164.103) only when a court issued it.
                    d.Review(ConfidentialityRuleCodes.PsychotherapyNotes, ConfidentialityCitations.HipaaRequiredByLawDefinition, DataCategories.PsychotherapyNotes, Factors.SubpoenaIssuedByACourt);
                    rest &= ~DataCategories.PsychotherapyNotes;
                    break;
                default:
                    d.Deny(ConfidentialityRuleCodes.PsychotherapyNotes, ConfidentialityCitations.HipaaPsychotherapyNotes, DataCategories.PsychotherapyNotes);
                    rest &= ~DataCategories.PsychotherapyNotes;
                    break;
            }
        }

        if (hipaa && d.Settings.Part2Applies && (rest & SubstanceUse) != 0)
        {
            rest = Part2(d, rest);
        }

        DataCategories protectedByLaw = rest & d.Settings.CategoriesNeedingAuthorization;
        if (protectedByLaw != DataCategories.None)
        {
            Citation law = d.Settings.StateLawSource ?? (hipaa ? ConfidentialityCitations.LocalLawNotCited : ConfidentialityCitations.GdprMemberStateConditions);
            d.Deny(ConfidentialityRuleCodes.ProtectedCategory, law, protectedByLaw);
            rest &= ~protectedByLaw;
        }

        return rest;
    }

    // 42 CFR Part 2: consent (handled as coverage), or a medical emergency, a subpart E court order, or a child-abuse report.
    private static DataCategories Part2(Builder d, DataCategories rest)
    {
        DisclosureRequest r = d.Request;
        if ((rest & DataCategories.SubstanceUseCounselingNotes) != 0)
        {
            d.Deny(ConfidentialityRuleCodes.Part2, ConfidentialityCitations.Part2Consent, DataCategories.SubstanceUseCounselingNotes);
            rest &= ~DataCategories.SubstanceUseCounselingNotes;
        }

        if ((rest & DataCategories.SubstanceUseRecords) == 0)
        {
            return rest;
        }

        if (r.Has(DisclosureFacts.MedicalEmergency) && r.Recipient.Role == RecipientRole.TreatingProvider)
        {
            d.Condition(ConfidentialityRuleCodes.EmergencyRecord, ConfidentialityCitations.Part2MedicalEmergency, DisclosureConditions.RecordEmergency);
        }
        else if (r.Instrument == LegalInstrument.Part2CourtOrder)
        {
            d.Pass(ConfidentialityRuleCodes.Part2, ConfidentialityCitations.Part2CourtOrders);
        }
        else if (r.Purpose == DisclosurePurpose.ChildAbuseReport)
        {
            d.Pass(ConfidentialityRuleCodes.Part2, ConfidentialityCitations.Part2ChildAbuseReports);
        }
        else
        {
            // Any other legal process (a HIPAA court order, a subpoena, a warrant) does not reach Part 2 records.
            Citation citation = r.Instrument == LegalInstrument.None ? ConfidentialityCitations.Part2Consent : ConfidentialityCitations.Part2CourtOrders;
            d.Deny(ConfidentialityRuleCodes.Part2, citation, DataCategories.SubstanceUseRecords, InstrumentEvidence[(int)r.Instrument]);
            rest &= ~DataCategories.SubstanceUseRecords;
        }

        return rest;
    }

    // HIPAA 164.508(a)(2): the uses and disclosures of psychotherapy notes that need no authorization. Compulsory
    // process (a court order, a court-ordered warrant, a grand-jury subpoena, an investigative demand) is "required by
    // law" (164.103), so 164.512(a) applies, with the procedures of (e) or (f) that the basis then checks.
    private static NotesRule PsychotherapyNotesRule(DisclosureRequest r) => r.Purpose switch
    {
        DisclosurePurpose.Treatment => Exception(r.Has(DisclosureFacts.OriginatorTreatment)),
        DisclosurePurpose.Training => Exception(r.Has(DisclosureFacts.SupervisedTraining)),
        DisclosurePurpose.HealthCareOperations => Exception(r.Has(DisclosureFacts.DefendingActionByPatient)),
        DisclosurePurpose.JudicialProceeding or DisclosurePurpose.LawEnforcement when r.Has(DisclosureFacts.DefendingActionByPatient) => NotesRule.Exception,
        DisclosurePurpose.JudicialProceeding or DisclosurePurpose.LawEnforcement => r.Instrument switch
        {
            LegalInstrument.CourtOrder or LegalInstrument.Warrant or LegalInstrument.GrandJurySubpoena or LegalInstrument.AdministrativeRequest
                or LegalInstrument.Part2CourtOrder => NotesRule.Exception,
            LegalInstrument.SubpoenaWithNoticeAssurance or LegalInstrument.SubpoenaWithProtectiveOrder => NotesRule.Review,
            _ => NotesRule.Authorization,
        },
        DisclosurePurpose.HealthOversight => Exception(r.Has(DisclosureFacts.OversightOfOriginator)),

        // A report the law requires is a 164.512(a) disclosure, which 164.512(a)(2) sends through (b) or (c).
        DisclosurePurpose.ChildAbuseReport or DisclosurePurpose.AdultAbuseReport => Exception(r.Has(DisclosureFacts.ReportRequiredByLaw)),
        DisclosurePurpose.ComplianceInvestigation or DisclosurePurpose.RequiredByLaw or DisclosurePurpose.DecedentInvestigation or DisclosurePurpose.Threat => NotesRule.Exception,
        _ => NotesRule.Authorization,
    };

    private static NotesRule Exception(bool applies) => applies ? NotesRule.Exception : NotesRule.Authorization;

    private static void HipaaBasis(Builder d, DataCategories rest)
    {
        DisclosureRequest r = d.Request;
        RecipientRole role = r.Recipient.Role;
        switch (r.Purpose)
        {
            case DisclosurePurpose.Treatment when role == RecipientRole.TreatingProvider:
                // Disclosures to a provider for treatment are exempt from minimum necessary (164.502(b)(2)(i)).
                d.Pass(ConfidentialityRuleCodes.TreatmentPaymentOperations, ConfidentialityCitations.HipaaTreatmentPaymentOperations);
                d.Allow(rest);
                break;
            case DisclosurePurpose.Payment or DisclosurePurpose.HealthCareOperations or DisclosurePurpose.Training
                when role is RecipientRole.TreatingProvider or RecipientRole.HealthPlan or RecipientRole.BusinessAssociate:
            case DisclosurePurpose.HealthCareOperations or DisclosurePurpose.JudicialProceeding
                when r.Has(DisclosureFacts.DefendingActionByPatient) && role is RecipientRole.CourtOrTribunal or RecipientRole.LitigationParty:
                // Defending the practice against the patient's own action is a health care operation (legal services).
                Permit(d, rest, ConfidentialityRuleCodes.TreatmentPaymentOperations, ConfidentialityCitations.HipaaTreatmentPaymentOperations, accounting: false);
                break;
            case DisclosurePurpose.FamilyInvolvement when role == RecipientRole.FamilyOrFriend:
                InvolvedInCare(d, rest);
                break;
            case DisclosurePurpose.JudicialProceeding when role is RecipientRole.CourtOrTribunal or RecipientRole.LitigationParty:
                Judicial(d, rest);
                break;
            case DisclosurePurpose.LawEnforcement when role == RecipientRole.LawEnforcement:
                LawEnforcement(d, rest);
                break;
            case DisclosurePurpose.RequiredByLaw:
                // Exempt from minimum necessary, but limited to what the law requires (164.512(a)(1)).
                d.Pass(ConfidentialityRuleCodes.RequiredByLaw, ConfidentialityCitations.HipaaRequiredByLaw);
                d.Condition(ConfidentialityRuleCodes.LegalMandateScope, ConfidentialityCitations.HipaaRequiredByLaw, DisclosureConditions.LimitToLegalMandate);
                d.Account();
                d.Allow(rest);
                break;
            case DisclosurePurpose.PublicHealth when role == RecipientRole.PublicHealthAuthority:
                Permit(d, rest, ConfidentialityRuleCodes.PublicHealth, ConfidentialityCitations.HipaaPublicHealth, accounting: true);
                break;
            case DisclosurePurpose.ChildAbuseReport when role is RecipientRole.AbuseReportingAuthority or RecipientRole.PublicHealthAuthority:
                Permit(d, rest, ConfidentialityRuleCodes.AbuseReport, ConfidentialityCitations.HipaaChildAbuse, accounting: true);
                break;
            case DisclosurePurpose.AdultAbuseReport when role == RecipientRole.AbuseReportingAuthority:
                AdultAbuse(d, rest);
                break;
            case DisclosurePurpose.HealthOversight when role == RecipientRole.HealthOversightAgency:
                Permit(d, rest, ConfidentialityRuleCodes.HealthOversight, ConfidentialityCitations.HipaaHealthOversight, accounting: true);
                break;
            case DisclosurePurpose.ComplianceInvestigation when role == RecipientRole.HhsSecretary:
                // Required, exempt from minimum necessary (164.502(b)(2)(iv)), and not exempt from the accounting.
                d.Pass(ConfidentialityRuleCodes.ComplianceInvestigation, ConfidentialityCitations.HipaaSecretary);
                d.Account();
                d.Allow(rest);
                break;
            case DisclosurePurpose.DecedentInvestigation when role == RecipientRole.CoronerOrMedicalExaminer:
                Permit(d, rest, ConfidentialityRuleCodes.Decedent, ConfidentialityCitations.HipaaDecedents, accounting: true);
                break;
            case DisclosurePurpose.Threat:
                Threat(d, rest);
                break;
            case DisclosurePurpose.Research when role == RecipientRole.Researcher:
                d.Review(ConfidentialityRuleCodes.Research, ConfidentialityCitations.HipaaResearch, rest, Factors.WaiverOfAuthorization);
                d.Condition(ConfidentialityRuleCodes.MinimumNecessary, ConfidentialityCitations.HipaaMinimumNecessary, DisclosureConditions.MinimumNecessary);
                d.Account();
                break;
            case DisclosurePurpose.Marketing:
                d.Deny(ConfidentialityRuleCodes.Marketing, ConfidentialityCitations.HipaaMarketing, rest);
                break;
            default:
                NoLegalBasis(d, rest, ConfidentialityCitations.HipaaAuthorizationRequired);
                break;
        }
    }

    // A permission with the usual conditions: minimum necessary, and the accounting unless exempt.
    private static void Permit(Builder d, DataCategories categories, RuleCode code, Citation citation, bool accounting)
    {
        d.Pass(code, citation);
        d.Condition(ConfidentialityRuleCodes.MinimumNecessary, d.Settings.Law == PrivacyLaw.Gdpr ? ConfidentialityCitations.GdprDataMinimisation : ConfidentialityCitations.HipaaMinimumNecessary, DisclosureConditions.MinimumNecessary);
        if (accounting)
        {
            d.Account();
        }

        d.Allow(categories);
    }

    private static void Access(Builder d, DataCategories rest, Citation access)
    {
        DisclosureRequest r = d.Request;
        Citation representatives = ConfidentialityCitations.HipaaPersonalRepresentatives;
        if (r.Recipient.Role == RecipientRole.PersonalRepresentative && d.Settings.Law == PrivacyLaw.Hipaa)
        {
            if ((r.Facts & MinorControlsCare) != 0)
            {
                ParentOfMinor(d, rest);
                return;
            }

            if (r.Has(DisclosureFacts.RepresentativeMayEndanger))
            {
                d.Review(ConfidentialityRuleCodes.PersonalRepresentative, representatives, rest, Factors.RepresentativeMayEndangerPatient);
                return;
            }
        }

        DataCategories notes = rest & DataCategories.PsychotherapyNotes;
        if (notes != DataCategories.None && d.Settings.Law == PrivacyLaw.Hipaa)
        {
            // No right of access to psychotherapy notes (164.524(a)(1)(i)): releasing them is the clinician's call.
            d.Review(ConfidentialityRuleCodes.PatientAccess, access, notes, Factors.PsychotherapyNotesOutsideRightOfAccess);
            rest &= ~notes;
        }

        if (rest == DataCategories.None)
        {
            return;
        }

        if (r.Has(DisclosureFacts.AccessMayEndangerLife) && d.Settings.Law == PrivacyLaw.Hipaa)
        {
            d.Review(ConfidentialityRuleCodes.PatientAccess, access, rest, Factors.AccessMayEndangerLife);
        }
        else
        {
            d.Pass(ConfidentialityRuleCodes.PatientAccess, (rest & SubstanceUse) != 0 && d.Settings.Part2Applies && d.Settings.Law == PrivacyLaw.Hipaa
                ? ConfidentialityCitations.Part2PatientAccess
                : access);
            d.Allow(rest);
        }
    }

    // The parent is not the personal representative of a minor who controls this care (164.502(g)(3)(i)): state law
    // decides ((g)(3)(ii)), and psychotherapy notes still need the minor's own authorization (164.508(a)(2)).
    private static void ParentOfMinor(Builder d, DataCategories rest)
    {
        Citation representatives = ConfidentialityCitations.HipaaPersonalRepresentatives;
        if ((rest & DataCategories.PsychotherapyNotes) != 0)
        {
            d.Deny(ConfidentialityRuleCodes.PsychotherapyNotes, ConfidentialityCitations.HipaaPsychotherapyNotes, DataCategories.PsychotherapyNotes);
            rest &= ~DataCategories.PsychotherapyNotes;
            if (rest == DataCategories.None)
            {
                return;
            }
        }

        if (d.Settings.MinorParentAccess == MinorParentAccess.ProhibitedByStateLaw)
        {
            d.Deny(ConfidentialityRuleCodes.PersonalRepresentative, representatives, rest, Factors.ProhibitedByStateLaw);
        }
        else if (d.Request.Has(DisclosureFacts.RepresentativeMayEndanger))
        {
            // State law permits at most ("may disclose"): a parent who may endanger the minor is a matter for judgement.
            d.Review(ConfidentialityRuleCodes.PersonalRepresentative, representatives, rest, Factors.RepresentativeMayEndangerPatient);
        }
        else if (d.Settings.MinorParentAccess == MinorParentAccess.PermittedByStateLaw)
        {
            d.Pass(ConfidentialityRuleCodes.PersonalRepresentative, representatives);
            d.Condition(ConfidentialityRuleCodes.LegalMandateScope, LocalLaw(d.Settings), DisclosureConditions.LimitToLegalMandate);
            d.Allow(rest);
        }
        else
        {
            d.Review(ConfidentialityRuleCodes.PersonalRepresentative, representatives, rest, Factors.LicensedProfessionalJudgement);
        }
    }

    private static void InvolvedInCare(Builder d, DataCategories rest)
    {
        DisclosureRequest r = d.Request;
        Citation citation = ConfidentialityCitations.HipaaInvolvedInCare;
        if (r.Has(DisclosureFacts.PatientObjected))
        {
            d.Deny(ConfidentialityRuleCodes.InvolvedInCare, citation, rest, Factors.PatientObjected);
        }
        else if (r.Has(DisclosureFacts.PatientAgreed))
        {
            Permit(d, rest, ConfidentialityRuleCodes.InvolvedInCare, citation, accounting: false);
        }
        else if (r.Has(DisclosureFacts.PatientIncapable))
        {
            d.Review(ConfidentialityRuleCodes.InvolvedInCare, citation, rest, Factors.BestInterests, Factors.DirectlyRelevantOnly);
        }
        else
        {
            d.Review(ConfidentialityRuleCodes.InvolvedInCare, citation, rest, Factors.AgreementOrOpportunityToObject);
        }
    }

    private static void Judicial(Builder d, DataCategories rest)
    {
        Citation citation = ConfidentialityCitations.HipaaJudicial;
        switch (d.Request.Instrument)
        {
            case LegalInstrument.CourtOrder or LegalInstrument.Part2CourtOrder:
                d.Pass(ConfidentialityRuleCodes.Judicial, citation);
                d.Condition(ConfidentialityRuleCodes.LegalMandateScope, citation, DisclosureConditions.LimitToLegalMandate);
                d.Account();
                d.Allow(rest);
                break;
            case LegalInstrument.SubpoenaWithNoticeAssurance or LegalInstrument.SubpoenaWithProtectiveOrder:
                Permit(d, rest, ConfidentialityRuleCodes.Judicial, citation, accounting: true);
                break;
            default:
                d.Deny(ConfidentialityRuleCodes.Judicial, citation, rest, InstrumentEvidence[(int)d.Request.Instrument]);
                break;
        }
    }

    private static void LawEnforcement(Builder d, DataCategories rest)
    {
        DisclosureRequest r = d.Request;
        Citation citation = ConfidentialityCitations.HipaaLawEnforcement;
        switch (r.Instrument)
        {
            case LegalInstrument.CourtOrder or LegalInstrument.Warrant or LegalInstrument.GrandJurySubpoena or LegalInstrument.Part2CourtOrder:
                d.Pass(ConfidentialityRuleCodes.LawEnforcement, citation);
                d.Condition(ConfidentialityRuleCodes.LegalMandateScope, citation, DisclosureConditions.LimitToLegalMandate);
                d.Account();
                d.Allow(rest);
                break;
            case LegalInstrument.AdministrativeRequest:
                Permit(d, rest, ConfidentialityRuleCodes.LawEnforcement, citation, accounting: true);
                break;
            case LegalInstrument.None when r.Has(DisclosureFacts.IdentificationRequest):
                DataCategories identification = rest & IdentificationData;
                if (identification != DataCategories.None)
                {
                    d.Pass(ConfidentialityRuleCodes.LawEnforcement, citation);
                    d.Condition(ConfidentialityRuleCodes.LegalMandateScope, citation, DisclosureConditions.IdentificationDataOnly);
                    d.Account();
                    d.Allow(identification);
                }

                if ((rest & ~IdentificationData) != DataCategories.None)
                {
                    d.Deny(ConfidentialityRuleCodes.LawEnforcement, citation, rest & ~IdentificationData, Factors.IdentificationDataOnly);
                }

                break;
            default:
                d.Deny(ConfidentialityRuleCodes.LawEnforcement, citation, rest, InstrumentEvidence[(int)r.Instrument]);
                break;
        }
    }

    private static void AdultAbuse(Builder d, DataCategories rest)
    {
        DisclosureRequest r = d.Request;
        Citation citation = ConfidentialityCitations.HipaaAdultAbuse;
        if (r.Has(DisclosureFacts.ReportRequiredByLaw))
        {
            d.Pass(ConfidentialityRuleCodes.AbuseReport, citation);
            d.Condition(ConfidentialityRuleCodes.LegalMandateScope, citation, DisclosureConditions.LimitToLegalMandate);
            d.Allow(rest);
        }
        else if (r.Has(DisclosureFacts.PatientAgreed))
        {
            Permit(d, rest, ConfidentialityRuleCodes.AbuseReport, citation, accounting: true);
        }
        else
        {
            d.Review(ConfidentialityRuleCodes.AbuseReport, citation, rest, Factors.ExpresslyAuthorizedByStatute, Factors.PreventsSeriousHarm);
            d.Condition(ConfidentialityRuleCodes.MinimumNecessary, ConfidentialityCitations.HipaaMinimumNecessary, DisclosureConditions.MinimumNecessary);
        }

        if (!r.Has(DisclosureFacts.PatientNoticeWouldEndanger))
        {
            d.Condition(ConfidentialityRuleCodes.PatientNotice, citation, DisclosureConditions.NotifyPatient);
        }

        d.Account();
    }

    private static void Threat(Builder d, DataCategories rest)
    {
        DisclosureRequest r = d.Request;
        Citation citation = ConfidentialityCitations.HipaaSeriousThreat;
        bool imminent = r.Has(DisclosureFacts.SeriousAndImminentThreat);
        bool able = r.Recipient.Role == RecipientRole.PotentialVictim || r.Has(DisclosureFacts.RecipientCanPreventThreat);
        if (!imminent || !able)
        {
            d.Deny(ConfidentialityRuleCodes.SeriousThreat, citation, rest, !imminent ? Factors.MissingSeriousAndImminentThreat : Factors.MissingRecipientAbleToPrevent);
            return;
        }

        DutyToProtect duty = d.Settings.DutyToProtect;
        if (duty == DutyToProtect.Mandatory && !d.Settings.DutyToProtectDisputed)
        {
            d.Pass(ConfidentialityRuleCodes.SeriousThreat, citation);
            d.Warn(ConfidentialityRuleCodes.DutyToProtect, DutyToProtectTable.Source, DutyEvidence[(int)duty]);
            d.Allow(rest);
        }
        else
        {
            // HIPAA permits; whether to act is the clinician's good-faith judgement under state law.
            d.Review(ConfidentialityRuleCodes.SeriousThreat, citation, rest, Factors.GoodFaithBelief, Factors.ConsistentWithLawAndEthics);
            d.Review(
                ConfidentialityRuleCodes.DutyToProtect, DutyToProtectTable.Source, DataCategories.None, d.Settings.DutyToProtectDisputed ? Factors.StateDutyDisputed : Factors.StateDuty, DutyEvidence[(int)duty]);
        }

        d.Condition(ConfidentialityRuleCodes.MinimumNecessary, ConfidentialityCitations.HipaaMinimumNecessary, DisclosureConditions.MinimumNecessary);
        d.Account();
    }

    private static void GdprBasis(Builder d, DataCategories rest)
    {
        DisclosureRequest r = d.Request;
        RecipientRole role = r.Recipient.Role;
        switch (r.Purpose)
        {
            case DisclosurePurpose.Treatment when role == RecipientRole.TreatingProvider:
                d.Pass(ConfidentialityRuleCodes.TreatmentPaymentOperations, ConfidentialityCitations.GdprHealthCare);
                d.Allow(rest);
                break;
            case DisclosurePurpose.Payment or DisclosurePurpose.HealthCareOperations or DisclosurePurpose.Training
                when role is RecipientRole.TreatingProvider or RecipientRole.HealthPlan or RecipientRole.BusinessAssociate:
                Permit(d, rest, ConfidentialityRuleCodes.TreatmentPaymentOperations, ConfidentialityCitations.GdprHealthCare, accounting: false);
                break;
            case DisclosurePurpose.Threat or DisclosurePurpose.FamilyInvolvement when r.Has(DisclosureFacts.PatientIncapable):
                d.Review(PurposeRule(r.Purpose), ConfidentialityCitations.GdprVitalInterests, rest, Factors.VitalInterests);
                break;
            case DisclosurePurpose.JudicialProceeding when r.Instrument == LegalInstrument.CourtOrder:
                d.Pass(ConfidentialityRuleCodes.Judicial, ConfidentialityCitations.GdprLegalClaims);
                d.Condition(ConfidentialityRuleCodes.LegalMandateScope, ConfidentialityCitations.GdprLegalClaims, DisclosureConditions.LimitToLegalMandate);
                d.Allow(rest);
                break;
            case DisclosurePurpose.JudicialProceeding:
                d.Review(ConfidentialityRuleCodes.Judicial, ConfidentialityCitations.GdprLegalClaims, rest, Factors.NecessaryForLegalClaims);
                break;
            case DisclosurePurpose.PublicHealth:
                d.Review(ConfidentialityRuleCodes.PublicHealth, ConfidentialityCitations.GdprPublicHealth, rest, Factors.UnionOrMemberStateLaw);
                break;
            case DisclosurePurpose.Research:
                d.Review(ConfidentialityRuleCodes.Research, ConfidentialityCitations.GdprResearch, rest, Factors.Article89Safeguards);
                break;
            case DisclosurePurpose.Threat or DisclosurePurpose.LawEnforcement or DisclosurePurpose.RequiredByLaw or DisclosurePurpose.ChildAbuseReport
                or DisclosurePurpose.AdultAbuseReport or DisclosurePurpose.HealthOversight or DisclosurePurpose.ComplianceInvestigation
                or DisclosurePurpose.DecedentInvestigation:
                d.Review(PurposeRule(r.Purpose), ConfidentialityCitations.GdprPublicInterest, rest, Factors.UnionOrMemberStateLaw);
                break;
            default:
                NoLegalBasis(d, rest, ConfidentialityCitations.GdprProhibition);
                break;
        }
    }

    private static RuleCode PurposeRule(DisclosurePurpose purpose) => purpose switch
    {
        DisclosurePurpose.FamilyInvolvement => ConfidentialityRuleCodes.InvolvedInCare,
        DisclosurePurpose.Threat => ConfidentialityRuleCodes.SeriousThreat,
        DisclosurePurpose.LawEnforcement => ConfidentialityRuleCodes.LawEnforcement,
        DisclosurePurpose.ChildAbuseReport or DisclosurePurpose.AdultAbuseReport => ConfidentialityRuleCodes.AbuseReport,
        DisclosurePurpose.HealthOversight => ConfidentialityRuleCodes.HealthOversight,
        DisclosurePurpose.ComplianceInvestigation => ConfidentialityRuleCodes.ComplianceInvestigation,
        DisclosurePurpose.DecedentInvestigation => ConfidentialityRuleCodes.Decedent,
        _ => ConfidentialityRuleCodes.RequiredByLaw,
    };

    private static void NoLegalBasis(Builder d, DataCategories rest, Citation citation) =>
        d.Deny(
            ConfidentialityRuleCodes.NoLegalBasis, citation, rest,
            PurposeEvidence[(int)d.Request.Purpose], RoleEvidence[(int)d.Request.Recipient.Role]);

    private static Citation LocalLaw(ConfidentialitySettings settings) => settings.StateLawSource ?? ConfidentialityCitations.LocalLawNotCited;

    private static Coverage Cover(DisclosureRequest request, PrivacyLaw law, IReadOnlyList<Authorization> authorizations)
    {
        var coverage = default(Coverage);
        for (int i = 0; i < authorizations.Count; i++)
        {
            Authorization authorization = authorizations[i] ?? throw new ArgumentNullException(nameof(authorizations), "An authorization is null.");
            bool counts = law == PrivacyLaw.Gdpr
                ? authorization.Kind == AuthorizationKind.ExplicitConsent
                : authorization.Kind != AuthorizationKind.ExplicitConsent;
            if (!counts || authorization.PatientId != request.PatientId || !authorization.Names(request.Recipient, request.Purpose))
            {
                continue;
            }

            DataCategories named = authorization.Categories & request.Categories;
            AuthorizationStatus status = authorization.StatusAt(request.At);
            switch (status)
            {
                case AuthorizationStatus.Active:
                    coverage.Active |= named;
                    break;
                case AuthorizationStatus.Expired or AuthorizationStatus.Revoked when named != DataCategories.None && coverage.LapsedId is null:
                    coverage.Lapsed = named;
                    coverage.LapsedId = authorization.Id.Value;
                    coverage.LapsedStatus = status;
                    break;
            }
        }

        return coverage;
    }

    // One evidence item per enum value, indexed by value (flags: by bit), named as camelCase codes.
    private static Evidence[] CodesOf<T>(string name, bool skipNone = false)
        where T : struct, Enum
    {
        T[] values = Enum.GetValues<T>();
        var evidence = new Evidence[values.Length];
        foreach (T value in values)
        {
            int number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if (skipNone && number == 0)
            {
                continue;
            }

            string text = value.ToString();
            evidence[skipNone ? System.Numerics.BitOperations.TrailingZeroCount(number) : number] =
                Evidence.OfCode(name, DocumentMapper.Camel(text));
        }

        return evidence;
    }

    private enum NotesRule
    {
        Authorization,
        Exception,
        Review,
    }

    private struct Coverage
    {
        public DataCategories Active;
        public DataCategories Lapsed;
        public string? LapsedId;
        public AuthorizationStatus LapsedStatus;
    }

    // Collects one decision's verdicts and the categories each puts where; a category barred anywhere is withheld.
    private sealed class Builder(DisclosureRequest request, ConfidentialitySettings settings)
    {
        private readonly ImmutableArray<Verdict>.Builder _verdicts = ImmutableArray.CreateBuilder<Verdict>(6);
        private readonly SubjectRef _subject = SubjectRef.To(request.Id);
        private DataCategories _allowed;
        private DataCategories _review;
        private DisclosureConditions _conditions;
        private bool _accounting;

        public DisclosureRequest Request { get; } = request;

        public ConfidentialitySettings Settings { get; } = settings;

        public DataCategories Withheld { get; private set; }

        public void Pass(RuleCode code, Citation citation) => _verdicts.Add(Verdict.Pass(code, _subject, citation));

        public void Allow(DataCategories categories) => _allowed |= categories;

        public void Account() => _accounting = true;

        public void Condition(RuleCode code, Citation citation, DisclosureConditions condition)
        {
            if ((_conditions & condition) == condition)
            {
                return;
            }

            _conditions |= condition;
            _verdicts.Add(new Verdict(code, Outcome.Warning, _subject, citation));
        }

        public void Warn(RuleCode code, Citation citation, Evidence evidence) =>
            _verdicts.Add(new Verdict(code, Outcome.Warning, _subject, citation, [evidence]));

        public void Review(RuleCode code, Citation citation, DataCategories categories, params ReadOnlySpan<Evidence> factors)
        {
            _review |= categories;
            _verdicts.Add(new Verdict(code, Outcome.NeedsReview, _subject, citation, [.. factors]));
        }

        public void Deny(RuleCode code, Citation citation, DataCategories categories, params ReadOnlySpan<Evidence> evidence)
        {
            Withheld |= categories;
            _verdicts.Add(new Verdict(code, Outcome.Violation, _subject, citation, WithWithheld(evidence, categories)));
        }

        public DisclosureDecision Build()
        {
            // Every requested category ends in exactly one place: withheld, under review, or allowed; unplaced means withheld.
            DataCategories review = _review & ~Withheld;
            DataCategories allowed = _allowed & ~Withheld & ~review;
            Outcome worst = Outcome.Pass;
            foreach (Verdict verdict in _verdicts)
            {
                worst = verdict.Outcome > worst ? verdict.Outcome : worst;
            }

            if ((Request.Categories & ~allowed & ~review) != DataCategories.None)
            {
                worst = Outcome.Violation;
            }

            var kind = (DisclosureDecisionKind)worst;
            AccountingEntry? entry = _accounting && kind != DisclosureDecisionKind.Denied
                ? new AccountingEntry(Request.Id, Request.PatientId, Request.At, Request.Recipient, Request.Purpose, allowed | review)
                : null;
            if (entry is not null)
            {
                Condition(ConfidentialityRuleCodes.Accounting, ConfidentialityCitations.HipaaAccounting, DisclosureConditions.RecordForAccounting);
                kind = kind == DisclosureDecisionKind.Permitted ? DisclosureDecisionKind.PermittedIf : kind;
            }

            return new DisclosureDecision(Request, kind, allowed, review, _conditions, _verdicts.DrainToImmutable(), entry);
        }

        private static ImmutableArray<Evidence> WithWithheld(ReadOnlySpan<Evidence> evidence, DataCategories categories)
        {
            ImmutableArray<Evidence>.Builder all = ImmutableArray.CreateBuilder<Evidence>(evidence.Length + System.Numerics.BitOperations.PopCount((uint)categories));
            all.AddRange(evidence);
            for (uint bits = (uint)categories; bits != 0; bits &= bits - 1)
            {
                all.Add(WithheldEvidence[System.Numerics.BitOperations.TrailingZeroCount(bits)]);
            }

            return all.MoveToImmutable();
        }
    }

    // The factors a reviewer weighs, and the other fixed evidence, as codes.
    private static class Factors
    {
        public static readonly Evidence AccessMayEndangerLife = Evidence.OfCode(FactorEvidence, "access-may-endanger-life");

        public static readonly Evidence AgreementOrOpportunityToObject = Evidence.OfCode(FactorEvidence, "agreement-or-opportunity-to-object");

        public static readonly Evidence Article89Safeguards = Evidence.OfCode(FactorEvidence, "article-89-safeguards");

        public static readonly Evidence BestInterests = Evidence.OfCode(FactorEvidence, "best-interests");

        public static readonly Evidence ConsistentWithLawAndEthics = Evidence.OfCode(FactorEvidence, "consistent-with-law-and-ethics");

        public static readonly Evidence DirectlyRelevantOnly = Evidence.OfCode(FactorEvidence, "directly-relevant-only");

        public static readonly Evidence ExpresslyAuthorizedByStatute = Evidence.OfCode(FactorEvidence, "expressly-authorized-by-statute");

        public static readonly Evidence GoodFaithBelief = Evidence.OfCode(FactorEvidence, "good-faith-belief");

        public static readonly Evidence LicensedProfessionalJudgement = Evidence.OfCode(FactorEvidence, "licensed-professional-judgement");

        public static readonly Evidence NecessaryForLegalClaims = Evidence.OfCode(FactorEvidence, "necessary-for-legal-claims");

        public static readonly Evidence PreventsSeriousHarm = Evidence.OfCode(FactorEvidence, "prevents-serious-harm");

        public static readonly Evidence PsychotherapyNotesOutsideRightOfAccess = Evidence.OfCode(FactorEvidence, "psychotherapy-notes-outside-right-of-access");

        public static readonly Evidence RepresentativeMayEndangerPatient = Evidence.OfCode(FactorEvidence, "representative-may-endanger-patient");

        public static readonly Evidence StateDuty = Evidence.OfCode(FactorEvidence, "state-duty");

        public static readonly Evidence StateDutyDisputed = Evidence.OfCode(FactorEvidence, "state-duty-disputed");

        public static readonly Evidence SubpoenaIssuedByACourt = Evidence.OfCode(FactorEvidence, "subpoena-issued-by-a-court");

        public static readonly Evidence UnionOrMemberStateLaw = Evidence.OfCode(FactorEvidence, "union-or-member-state-law");

        public static readonly Evidence VitalInterests = Evidence.OfCode(FactorEvidence, "vital-interests");

        public static readonly Evidence WaiverOfAuthorization = Evidence.OfCode(FactorEvidence, "waiver-of-authorization");

        public static readonly Evidence ProhibitedByStateLaw = Evidence.OfCode("stateLaw", "prohibits-parent-access");

        public static readonly Evidence PatientObjected = Evidence.OfCode("fact", "patient-objected");

        public static readonly Evidence IdentificationDataOnly = Evidence.OfCode("limit", "identification-data-only");

        public static readonly Evidence MissingSeriousAndImminentThreat = Evidence.OfCode("missing", "serious-and-imminent-threat");

        public static readonly Evidence MissingRecipientAbleToPrevent = Evidence.OfCode("missing", "recipient-able-to-prevent");
    }
}
