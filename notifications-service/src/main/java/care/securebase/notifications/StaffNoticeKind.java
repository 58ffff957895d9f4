package care.securebase.notifications;

/** Why a member of staff is told something; with the intake and the recipient a notice's natural key. */
public enum StaffNoticeKind {
    /** The clinic's on-call clinician: a client was flagged HIGH risk at intake and needs contact today. */
    ON_CALL_RISK
}
