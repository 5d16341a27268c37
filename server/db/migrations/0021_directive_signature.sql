-- The letter's signer and its co-addressees ("Đồng kính gửi") stay with the directive (issue 15,
-- points 4–5). Co-addressees are the names of `addressees` written under "Đồng kính gửi", kept as
-- a list beside them so the existing addressee lists stay valid as they are (no co-addressee).
-- The signature is {authority, title, name} as the parser reads it; null when the letter has none.
ALTER TABLE directive ADD COLUMN co_addressees jsonb NOT NULL DEFAULT '[]';
ALTER TABLE directive ADD COLUMN signature jsonb;
