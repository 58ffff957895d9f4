package care.securebase.notifications;

/** Why a member of staff is told something; with the subject, variant and recipient a notice's natural key. */
public enum StaffNoticeKind {
    /** The clinic's on-call clinician: a client was flagged HIGH risk at intake and needs contact today. */
    ON_CALL_RISK("A new client needs contact today"),
    /** The client's clinician: a planned appointment was not attended. */
    MISSED_BOOSTER("A client missed a planned appointment"),
    /** The referring coordinator: a referral was not answered, or not started, in time. */
    REFERRAL_OVERDUE("A referral needs your attention"),
    /** The clinic's clinic-admins (inbox only): a client opted out of a channel. */
    CONTACT_OPTED_OUT("A client opted out of messages"),
    /** The clinic's clinic-admins (inbox only): a message could not be delivered after its last try. */
    DELIVERY_FAILED("A message could not be delivered"),
    /** A partner organisation's social workers (inbox only): a referral was sent to the organisation. */
    REFERRAL_RECEIVED("A new referral is waiting for your organisation");

    private final String title;

    StaffNoticeKind(String title) {
        this.title = title;
    }

    /** What the inbox shows; never anything clinical, never a name. */
    public String title() {
        return title;
    }
}
