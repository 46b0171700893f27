namespace TherapeuticAlliance;

/// <summary>The clinician's licensed profession. Ethics codes, and so boundary periods, differ between them.</summary>
public enum ClinicianProfession
{
    /// <summary>Physician specialising in psychiatry (AMA Code of Medical Ethics; APA psychiatric annotations).</summary>
    Psychiatrist = 0,

    /// <summary>Psychologist (APA Ethical Principles of Psychologists and Code of Conduct).</summary>
    Psychologist = 1,

    /// <summary>Professional counselor (ACA Code of Ethics, 2014).</summary>
    Counselor = 2,

    /// <summary>Social worker (NASW Code of Ethics).</summary>
    SocialWorker = 3,
}
