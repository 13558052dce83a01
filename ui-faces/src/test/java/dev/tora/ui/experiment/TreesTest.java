package dev.tora.ui.experiment;

import static dev.tora.core.domain.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.TreeNode;

class TreesTest {

    private static List<String> labels(TreeNode<KeyValueRow> node) {
        return node.getChildren().stream().map(c -> c.getData().label()).toList();
    }

    @Test
    void dottedKeysBecomeSectionsAndTheFilterKeepsMatchesWithTheirSections() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("optim.lr", 0.001);
        params.put("optim.betas.b1", 0.9);
        params.put("epochs", 30L);
        TreeNode<KeyValueRow> root = HyperparamTree.build(params, null);
        assertEquals(List.of("epochs", "optim"), labels(root));
        TreeNode<KeyValueRow> optim = root.getChildren().get(1);
        assertFalse(optim.getData().leaf());
        assertEquals(List.of("betas", "lr"), labels(optim));
        assertEquals("optim.betas.b1", optim.getChildren().get(0).getChildren().get(0).getData().key());

        TreeNode<KeyValueRow> filtered = HyperparamTree.build(params, "B1");
        assertEquals(List.of("optim"), labels(filtered));
        assertEquals(List.of("betas"), labels(filtered.getChildren().get(0)));
        assertTrue(HyperparamTree.build(params, "0.9").getChildren().size() == 1, "values match too");
    }

    @Test
    void jsonBecomesACollapsibleTreeWithSizes() {
        var doc = JSON.createReader(new StringReader("{\"git\": {\"sha\": \"abc\", \"dirty\": false}, \"args\": [\"--fp16\", 2]}"))
                .readObject();
        TreeNode<KeyValueRow> root = JsonTree.build(doc);
        assertEquals(List.of("git", "args"), labels(root));
        assertEquals("{2}", root.getChildren().get(0).getData().value());
        assertEquals("abc", root.getChildren().get(0).getChildren().get(0).getData().value());
        assertEquals(List.of("[0]", "[1]"), labels(root.getChildren().get(1)));
        assertEquals("args[1]", root.getChildren().get(1).getChildren().get(1).getData().key());
        assertTrue(JsonTree.build(null).getChildren().isEmpty());
    }
}
