package dev.tora.core.application.experiment;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.query.SortKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A position in a keyset-paged list: the sort it belongs to, the clock reading of its first page
 * (so running experiments' durations and relative times do not move between pages) and the sort
 * values of the last row, id last. Opaque to clients: base64url of a small binary record.
 */
record ListingCursor(String sort, boolean descending, long now, List<Object> position) {

    private static final int VERSION = 2;
    private static final byte LONG = 'l';
    private static final byte DOUBLE = 'd';
    private static final byte TEXT = 's';

    ListingCursor {
        position = List.copyOf(position);
    }

    /** The cursor as URL-safe text. */
    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(sort);
            out.writeBoolean(descending);
            out.writeLong(now);
            out.writeByte(position.size());
            for (Object v : position) {
                if (v instanceof Long l) {
                    out.writeByte(LONG);
                    out.writeLong(l);
                } else if (v instanceof Double d) {
                    out.writeByte(DOUBLE);
                    out.writeLong(Double.doubleToRawLongBits(d));
                } else {
                    out.writeByte(TEXT);
                    out.writeUTF((String) v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** Reads {@code text}; a cursor of another sort or direction, or no cursor at all, is a 400 on {@code cursor}. */
    static ListingCursor decode(String text, SortKey sort, boolean descending) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(text)))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("another version");
            }
            String cursorSort = in.readUTF();
            boolean cursorDescending = in.readBoolean();
            long now = in.readLong();
            int size = in.readByte();
            List<Object> position = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                byte type = in.readByte();
                position.add(switch (type) {
                    case LONG -> in.readLong();
                    case DOUBLE -> Double.longBitsToDouble(in.readLong());
                    case TEXT -> in.readUTF();
                    default -> throw new IllegalArgumentException("unknown value type");
                });
            }
            if (in.read() != -1 || !cursorSort.equals(sort.text()) || cursorDescending != descending) {
                throw new IllegalArgumentException("a cursor of another listing");
            }
            return new ListingCursor(cursorSort, cursorDescending, now, position);
        } catch (IOException | IllegalArgumentException e) {
            throw ToraException.invalidField("cursor", "is not a cursor of this listing (same sort and order); "
                    + "start again without it");
        }
    }
}
