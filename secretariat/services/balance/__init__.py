"""The forum's balance and diversity: reads members (seats, terms) and meetings
(attendance), so it sits above both capabilities rather than inside either."""
