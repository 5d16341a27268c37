// Messages of shared by every screen: the app, common words, errors, the menu and the user menu.
// Placeholders are {name}. Vietnamese is the source of keys; English must have every one (the type says so).
const vi = {
  'app.fullName': 'Hệ thống quản lý công tác bảo vệ chính trị nội bộ',
  'app.shortName': 'Bảo vệ chính trị nội bộ',
  'lang.switch': 'Ngôn ngữ',

  'common.actions': 'Thao tác',
  'common.cancel': 'Hủy',
  'common.create': 'Tạo mới',
  'common.edit': 'Sửa',
  'common.home': 'Về trang chủ',
  'common.loading': 'Đang tải…',
  'common.no': 'Không',
  'common.yes': 'Có',
  'common.noData': 'Không có dữ liệu',
  'common.rangeOfTotal': '{from}–{to} trong tổng số {total}',
  'common.remove': 'Xóa dòng',
  'common.retry': 'Thử lại',
  'common.save': 'Lưu',
  'common.saved': 'Đã lưu',
  'common.status': 'Trạng thái',

  'error.network': 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại',
  'error.unexpected': 'Máy chủ trả lời bất thường (mã {status}). Vui lòng thử lại sau',
  'error.loadFailed': 'Không tải được ứng dụng',
  'error.forbiddenTitle': 'Không có quyền truy cập',
  'error.forbiddenPage': 'Vai trò của bạn không được mở trang này',
  'error.notFoundTitle': 'Không tìm thấy trang',
  'form.required': 'Bắt buộc nhập',

  'nav.main': 'Menu chính',
  'nav.open': 'Mở menu',
  'nav.units': 'Cây đơn vị',
  'nav.people': 'Cán bộ, nhân sự',
  'nav.accounts': 'Tài khoản và vai trò',
  'nav.audit': 'Nhật ký hệ thống',

  'user.menu': 'Tài khoản của tôi',
  'user.changePassword': 'Đổi mật khẩu',
  'user.twoFactor': 'Xác thực hai lớp',
  'user.signOut': 'Đăng xuất',
  'nav.directives': 'Văn bản chỉ đạo',
  'nav.myDirectives': 'Văn bản của tôi',

  'nav.reports': 'Báo cáo',
} as const

const en: Record<keyof typeof vi, string> = {
  'app.fullName': 'Internal political protection work management system',
  'app.shortName': 'Internal political protection',
  'lang.switch': 'Language',

  'common.actions': 'Actions',
  'common.cancel': 'Cancel',
  'common.create': 'Create',
  'common.edit': 'Edit',
  'common.home': 'Go to the home page',
  'common.loading': 'Loading…',
  'common.no': 'No',
  'common.yes': 'Yes',
  'common.noData': 'No data',
  'common.rangeOfTotal': '{from}–{to} of {total}',
  'common.remove': 'Remove row',
  'common.retry': 'Try again',
  'common.save': 'Save',
  'common.saved': 'Saved',
  'common.status': 'Status',

  'error.network': 'Cannot reach the server. Check the network and try again',
  'error.unexpected': 'The server gave an unexpected answer (status {status}). Please try again later',
  'error.loadFailed': 'The application could not load',
  'error.forbiddenTitle': 'Access denied',
  'error.forbiddenPage': 'Your roles do not open this page',
  'error.notFoundTitle': 'Page not found',
  'form.required': 'Required',

  'nav.main': 'Main menu',
  'nav.open': 'Open menu',
  'nav.units': 'Unit tree',
  'nav.people': 'People',
  'nav.accounts': 'Accounts and roles',
  'nav.audit': 'Audit log',

  'user.menu': 'My account',
  'user.changePassword': 'Change password',
  'user.twoFactor': 'Two-factor authentication',
  'user.signOut': 'Sign out',
  'nav.directives': 'Directives',
  'nav.myDirectives': 'My directives',

  'nav.reports': 'Reports',
}

export const commonMessages = { vi, en }
