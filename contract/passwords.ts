// What a password must be: at least 12 characters with letters and digits, and not a common one.
// Shared by the server (which decides) and the web form (which says so before sending).

/** Words and patterns people pick first, in English and Vietnamese; digits and symbols around them do not help. */
const COMMON = new Set([
  'password', 'passw0rd', 'pass', 'matkhau', 'mat khau', 'admin', 'administrator', 'root', 'user', 'welcome', 'letmein', 'login', 'qwerty', 'qwertyuiop',
  'asdfghjkl', 'zxcvbnm', 'abc', 'abcd', 'abcdef', 'abcdefgh', 'iloveyou', 'anhyeuem', 'emyeuanh', 'yeuem', 'saranghae', 'princess', 'dragon', 'monkey',
  'football', 'baseball', 'master', 'shadow', 'sunshine', 'superman', 'batman', 'starwars', 'trustno', 'hello', 'xinchao', 'chaoban', 'vietnam',
  'hanoi', 'saigon', 'hochiminh', 'danang', 'boyte', 'byt', 'bvct', 'baove', 'baovechinhtri', 'benhvien', 'bacsi', 'ytabc', 'changeme', 'default',
  'secret', 'test', 'testing', 'demo', 'guest', 'temp', 'computer', 'internet', 'google', 'facebook', 'zalo', 'samsung', 'iphone', 'nokia',
  'thanhcong', 'hanhphuc', 'giadinh', 'tinhyeu', 'muahe', 'muadong', 'mattroi', 'maimai', 'conyeu', 'baby', 'angel', 'lovely', 'family',
])

/** Why a password is refused, as a field-message key; null when it is acceptable. */
export function passwordProblem(password: string, ctx: { username?: string | null; current?: string | null } = {}): 'weakPassword' | 'commonPassword' | 'passwordIsUsername' | 'passwordUnchanged' | null {
  if (password.length < 12 || password.length > 200 || !/[A-Za-zÀ-ỹ]/.test(password) || !/\d/.test(password)) return 'weakPassword'
  const lower = password.toLowerCase()
  if (ctx.username && lower.includes(ctx.username.toLowerCase())) return 'passwordIsUsername'
  if (ctx.current && password === ctx.current) return 'passwordUnchanged'
  // The letters left once digits, symbols and spaces are taken off both ends, and in the middle.
  const core = lower.replace(/^[^a-zà-ỹ]+|[^a-zà-ỹ]+$/g, '')
  const letters = lower.replace(/[^a-zà-ỹ]/g, '')
  if (COMMON.has(core) || COMMON.has(letters) || new Set(lower).size <= 3 || /^(0123456789|1234567890|abcdefghij)/.test(lower)) return 'commonPassword'
  return null
}
