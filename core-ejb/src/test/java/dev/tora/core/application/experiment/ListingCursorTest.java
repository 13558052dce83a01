package dev.tora.core.application.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.query.SortKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyset cursors carry exact sort values and refuse to be used with another sort or direction. */
class ListingCursorTest {

    private static final SortKey LOSS = SortKey.parse("metrics.\"val loss\".min", "sort");

    @Test
    void valuesComeBackExactly() {
        ListingCursor cursor = new ListingCursor(LOSS.text(), true, 1_767_225_600_123L,
                List.of(0L, -0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY, "ünï/\"id\"", Long.MIN_VALUE));
        ListingCursor back = ListingCursor.decode(cursor.encode(), LOSS, true);
        assertEquals(cursor.now(), back.now());
        assertEquals(cursor.position(), back.position());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back.position().get(1)));
    }

    @Test
    void aCursorOfAnotherSortOrDirectionOrNoCursorAtAllIsABadCursor() {
        String text = new ListingCursor(LOSS.text(), true, 1, List.of(0L, 0.5, "id")).encode();
        for (Runnable misuse : List.<Runnable>of(
                () -> ListingCursor.decode(text, LOSS, false),
                () -> ListingCursor.decode(text, SortKey.parse("metrics.loss.min", "sort"), true),
                () -> ListingCursor.decode("garbage", LOSS, true),
                () -> ListingCursor.decode(text.substring(0, text.length() - 3), LOSS, true),
                () -> ListingCursor.decode(text + "AAAA", LOSS, true))) {
            ToraException e = assertThrows(ToraException.class, misuse::run);
            assertEquals("cursor", e.details().get("field"));
        }
    }
}
