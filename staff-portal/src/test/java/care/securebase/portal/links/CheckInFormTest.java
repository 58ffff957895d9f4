package care.securebase.portal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.portal.api.LinksApi;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInFormTest {

    static final List<LinksApi.Option> YES_NO = List.of(new LinksApi.Option(0, "No"), new LinksApi.Option(1, "Yes"));

    /** Item 2 asks about item 1 (asked only after a yes), item 3 may be left out; a yes to item 2 is a risk. */
    static final LinksApi.CheckIn CHECK_IN = new LinksApi.CheckIn("Northside Clinic", "0800 123 4567", List.of(
            new LinksApi.Step("SCREEN", "Screen", null, List.of(
                    new LinksApi.Item(1, "First", YES_NO, false, null),
                    new LinksApi.Item(2, "Second", YES_NO, false, new LinksApi.Threshold(1, 1)),
                    new LinksApi.Item(3, "Third", YES_NO, true, null)),
                    List.of(new LinksApi.RiskRule("HIGH", List.of(new LinksApi.Threshold(2, 1)))))),
            List.of(new LinksApi.Entry(0, "Sleeping badly")), List.of(), true, null);

    static CheckInForm form(String... pairs) {
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return CheckInForm.of(CHECK_IN, fields);
    }

    @Test
    void stepsAreTheInstrumentsThenTheChecklistThenTheDiary() {
        CheckInForm form = CheckInForm.blank(CHECK_IN);
        assertEquals(3, form.stepCount());
        assertTrue(form.steps().get(0).isInstrument());
        assertTrue(form.steps().get(1).isSigns());
        assertTrue(form.steps().get(2).isDiary());
        assertTrue(form.isLast(2));
    }

    @Test
    void aConditionalItemIsRequiredOnlyWhenAskedAndAnOptionalOneNever() {
        assertEquals(List.of("a0_1"), List.copyOf(form().missing(0).keySet()));
        assertTrue(form("a0_1", "0").missing(0).isEmpty(), "no: item 2 is not asked");
        assertEquals(List.of("a0_2"), List.copyOf(form("a0_1", "1").missing(0).keySet()));
        assertTrue(form("a0_1", "1", "a0_2", "0").missing(0).isEmpty());
        assertEquals(-1, form("a0_1", "1", "a0_2", "0").firstIncomplete(), "the checklist and diary need nothing");
        assertEquals(0, form("a0_1", "1").firstIncomplete());
    }

    @Test
    void answersOutsideTheOptionsAndUnknownEntriesAreIgnored() {
        CheckInForm form = form("a0_1", "7", "a0_2", "abc", "a0_3", "-1", "warningSign", "5", "warningSign", "0",
                "copingTool", "0", "a9_1", "1", "diary", "x".repeat(CheckInForm.DIARY_MAX + 10));
        assertNull(form.answer(0, 1));
        assertNull(form.answer(0, 2));
        assertNull(form.answer(0, 3));
        assertTrue(form.noticed(0));
        assertFalse(form.noticed(5));
        assertFalse(form.used(0), "the check-in lists no coping tools");
        assertEquals(CheckInForm.DIARY_MAX, form.diary().length());
    }

    @Test
    void aRiskRuleMetShowsTheCrisisLine() {
        assertFalse(form("a0_1", "1", "a0_2", "0").crisis());
        assertTrue(form("a0_1", "1", "a0_2", "1").crisis());
        assertTrue(CheckInForm.blank(CHECK_IN).risky(0, 2, 1));
        assertFalse(CheckInForm.blank(CHECK_IN).risky(0, 2, 0));
        assertFalse(CheckInForm.blank(CHECK_IN).risky(0, 1, 1));
    }

    @Test
    void theOtherStepsAreCarriedAndEverythingIsSentInItemOrder() {
        CheckInForm form = form("a0_1", "1", "a0_2", "1", "warningSign", "0", "diary", "Went well");
        assertEquals(List.of(new CheckInForm.Hidden("warningSign", "0"), new CheckInForm.Hidden("diary", "Went well")),
                form.carried(0));
        assertEquals(List.of(new CheckInForm.Hidden("a0_1", "1"), new CheckInForm.Hidden("a0_2", "1"),
                new CheckInForm.Hidden("diary", "Went well")), form.carried(1));
        assertEquals(List.of(new CheckInForm.Hidden("a0_1", "1"), new CheckInForm.Hidden("a0_2", "1"),
                new CheckInForm.Hidden("warningSign", "0")), form.carried(2));
        LinksApi.Answers sent = form.toAnswers();
        assertEquals(Arrays.asList(1, 1, null), sent.answers().get("SCREEN"), "the optional item left out is null");
        assertEquals(List.of(0), sent.warningSigns());
        assertEquals(List.of(), sent.copingTools());
        assertEquals("Went well", sent.diary());
        assertNull(form("a0_1", "0", "diary", "   ").toAnswers().diary(), "a blank diary is no entry");
    }
}
