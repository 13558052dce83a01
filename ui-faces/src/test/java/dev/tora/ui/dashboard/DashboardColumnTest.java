package dev.tora.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.query.Aggregate;
import dev.tora.core.domain.query.Metric;
import dev.tora.core.domain.query.Param;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class DashboardColumnTest {

    @Test
    void kindsHeadersAndFieldsComeFromTheKey() {
        DashboardColumn metric = new DashboardColumn("metrics.\"val loss\".min", 0);
        assertEquals(DashboardColumn.Kind.METRIC, metric.getKind());
        assertEquals(new Metric("val loss", Aggregate.MIN), metric.getField());
        assertEquals("val loss.min", metric.getHeader());
        assertTrue(metric.isNumeric());
        DashboardColumn param = new DashboardColumn("params.optim.lr", 120);
        assertEquals(DashboardColumn.Kind.PARAM, param.getKind());
        assertEquals(new Param("optim.lr"), param.getField());
        assertEquals("120px", param.getCssWidth());
        assertFalse(param.isNumeric());
        DashboardColumn tags = new DashboardColumn("tags", 0);
        assertEquals(DashboardColumn.Kind.TAGS, tags.getKind());
        assertNull(tags.getField());
        assertFalse(tags.isSortable());
        assertEquals(DashboardColumn.Kind.TIME, new DashboardColumn("created", 0).getKind());
        assertEquals("Created", new DashboardColumn("created", 0).getHeader());
        assertThrows(ToraException.class, () -> new DashboardColumn("params.", 0));
    }

    @Test
    void aDeserialisedColumnParsesItsKeyAgain() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new DashboardColumn("metrics.loss.last", 80));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            DashboardColumn back = (DashboardColumn) in.readObject();
            assertEquals(new DashboardColumn("metrics.loss.last", 80), back);
            assertEquals(new Metric("loss", Aggregate.LAST), back.getField());
            assertEquals("loss.last", back.getHeader());
        }
    }
}
