package care.securebase.events;

/**
 * The payload of an event. The subject is the id events are keyed and ordered by: the client for
 * intake and sessions events, the referral for referral events.
 */
public interface DomainEvent {
    String subject();
}
