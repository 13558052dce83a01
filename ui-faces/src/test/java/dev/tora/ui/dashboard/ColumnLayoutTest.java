package dev.tora.ui.dashboard;

import static dev.tora.core.domain.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.error.ToraException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnLayoutTest {

    private static List<String> keys(ColumnLayout layout) {
        return layout.columns().stream().map(DashboardColumn::getKey).toList();
    }

    @Test
    void aStoredLayoutRoundTripsWithItsWidths() {
        ColumnLayout layout = ColumnLayout.defaults().add("metrics.loss.min").add("params.optim.lr")
                .arrangedAs(List.of(new int[] {5, 120}, new int[] {0, 300}));
        ColumnLayout back = ColumnLayout.fromJson(layout.toJson());
        assertEquals(layout, back);
        assertEquals(List.of("metrics.loss.min", "name", "status", "tags", "created", "duration", "params.optim.lr"), keys(back));
        assertEquals(120, back.columns().get(0).getWidth());
        assertEquals(300, back.columns().get(1).getWidth());
    }

    @Test
    void unreadableOrStaleStoredLayoutsFallBackOrDropTheBadColumns() {
        assertEquals(ColumnLayout.defaults(), ColumnLayout.fromJson(JSON.createObjectBuilder().build()));
        var stored = JSON.createReader(new StringReader(
                "[{\"key\": \"name\"}, {\"key\": \"metrics.\"}, {\"key\": \"name\"}, {\"key\": 3}, {\"key\": \"params.lr\", \"width\": 9}]"))
                .readArray();
        ColumnLayout layout = ColumnLayout.fromJson(stored);
        assertEquals(List.of("name", "params.lr"), keys(layout));
        assertEquals(ColumnLayout.MIN_WIDTH, layout.columns().get(1).getWidth(), "widths are clamped");
    }

    @Test
    void addingAnUnknownKeyIsRefusedNamingTheColumn() {
        ToraException e = assertThrows(ToraException.class, () -> ColumnLayout.defaults().add("metrics"));
        assertEquals("column", e.details().get("field"));
    }

    @Test
    void movesStayInsideTheTableAndTheNameColumnCannotBeRemoved() {
        ColumnLayout layout = ColumnLayout.defaults();
        assertEquals(List.of("status", "name", "tags", "created", "duration"), keys(layout.move("name", 1)));
        assertEquals(keys(layout), keys(layout.move("name", -5)));
        assertEquals(List.of("name", "tags", "created", "duration", "status"), keys(layout.move("status", 99)));
        assertEquals(keys(layout), keys(layout.remove("name")));
        assertTrue(!layout.remove("tags").has("tags"));
        assertEquals(layout, layout.add("status"), "a column is not added twice");
    }

    @Test
    void anArrangementFromTheBrowserKeepsColumnsItDidNotMention() {
        ColumnLayout layout = ColumnLayout.defaults().arrangedAs(List.of(new int[] {4, 0}, new int[] {99, 10}, new int[] {4, 50}));
        assertEquals(List.of("duration", "name", "status", "tags", "created"), keys(layout));
    }

    @Test
    void aColumnAddedAfterAResizeGetsAWidthOfItsOwn() {
        assertEquals(0, ColumnLayout.defaults().add("params.lr").columns().get(5).getWidth(), "automatic while nothing is sized");
        ColumnLayout resized = ColumnLayout.defaults().arrangedAs(List.of(new int[] {0, 300}));
        assertEquals(ColumnLayout.ADDED_WIDTH, resized.add("params.lr").columns().get(5).getWidth());
    }
}
