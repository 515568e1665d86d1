"""Sets of row positions as Python ints: bit n set means the row at position n is in."""


def bitset(positions, size):
    """An int with the bits at `positions` set, built in O(n) (OR-ing ints one by one is O(n²))."""
    buffer = bytearray((size + 7) // 8)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def members(mask):
    """The positions of a bitset's set bits, in increasing order."""
    for at, byte in enumerate(mask.to_bytes((mask.bit_length() + 7) // 8, "little")):
        if byte:
            yield from (at * 8 + bit for bit in range(8) if byte >> bit & 1)
