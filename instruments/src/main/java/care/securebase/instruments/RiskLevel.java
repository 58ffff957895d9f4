package care.securebase.instruments;

/**
 * How urgent a risk signal from an instrument is. The names match {@code scoring.Triage.RiskLevel} and the
 * {@code level} of the RiskFlagRaised event, so mapping is {@code valueOf(level.name())}.
 */
public enum RiskLevel {
    LOW, MODERATE, HIGH
}
