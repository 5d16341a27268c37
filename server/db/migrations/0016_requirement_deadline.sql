-- A requirement's own deadline as the letter states it ("hoàn thành trước ngày 20/12/2026"),
-- proposed by the parser and confirmed by the board when registering. NULL: the letter names none.
ALTER TABLE requirement ADD COLUMN deadline date;
