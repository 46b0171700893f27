using System;
using NodaTime;
using TherapeuticAlliance;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Confidentiality;

/// <summary>The README's disclosure example: a court's request on a bare subpoena and with an order, and a threat in two states.</summary>
internal static class ConfidentialityExample
{
    public static void Run(Instant now)
    {
        // confidentiality:begin
        var patient = new PatientId("pat-17");
        ConfidentialitySettings california = ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", "US-CA"));

        // A court asks for the diagnoses and the psychotherapy notes, first on a bare subpoena, then with an order.
        foreach (LegalInstrument instrument in new[] { LegalInstrument.BareSubpoena, LegalInstrument.CourtOrder })
        {
            var request = new DisclosureRequest(
                new DisclosureId($"d-{instrument}"), patient, new DisclosureRecipient(RecipientRole.CourtOrTribunal), DisclosurePurpose.JudicialProceeding,
                DataCategories.Diagnoses | DataCategories.PsychotherapyNotes, now, instrument);
            Print(DisclosureCheck.Decide(california, request, authorizations: []));
        }

        // The patient makes a serious and imminent threat against a named person: warn the person threatened.
        // California's duty to protect is mandatory; Texas's is permissive, so the decision there is a review.
        var warning = new DisclosureRequest(
            new DisclosureId("d-threat"), patient, new DisclosureRecipient(RecipientRole.PotentialVictim), DisclosurePurpose.Threat,
            DataCategories.Demographics, now, facts: DisclosureFacts.SeriousAndImminentThreat);
        Print(DisclosureCheck.Decide(california, warning, authorizations: []));
        Print(DisclosureCheck.Decide(ConfidentialitySettings.ForUsJurisdiction(new Jurisdiction("US", "US-TX")), warning, authorizations: []));

        static void Print(DisclosureDecision decision)
        {
            Console.WriteLine(
                $"{decision.Request.Id}: {decision.Kind} allowed=[{decision.Allowed}] review=[{decision.UnderReview}] withheld=[{decision.Withheld}] if=[{decision.Conditions}]");
            foreach (Verdict verdict in decision.Verdicts)
            {
                string evidence = verdict.Evidence.IsEmpty ? "" : $" [{string.Join(", ", verdict.Evidence)}]";
                Console.WriteLine($"  {verdict.Code} {verdict.Outcome}{evidence} ({verdict.Citation.Section})");
            }
        }
        // confidentiality:end
    }
}
