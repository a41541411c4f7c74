<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../app/ui/admin_dialogs.py" line="+64"/>
        <source>Admin</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clerk</source>
        <translation>Nhân viên nhập liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Viewer</source>
        <translation>Người xem</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location line="+376"/>
        <source>Changing your password…</source>
        <translation>Đang đổi mật khẩu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your password was changed.</source>
        <translation>Đã đổi mật khẩu của bạn.</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>Signer&apos;s name</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On behalf of (line above the title)</source>
        <translation>Thay mặt/Ký thay (dòng trên chức danh)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer&apos;s title</source>
        <translation>Chức danh người ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office abbreviation</source>
        <translation>Tên viết tắt của cơ quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporter&apos;s name</source>
        <translation>Họ tên người báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporter&apos;s phone</source>
        <translation>Điện thoại người báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-year report due (days)</source>
        <translation>Hạn nộp báo cáo 6 tháng (số ngày)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year report due (days)</source>
        <translation>Hạn nộp báo cáo năm (số ngày)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter report due (days)</source>
        <translation>Hạn nộp báo cáo quý (số ngày)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month report due (days)</source>
        <translation>Hạn nộp báo cáo tháng (số ngày)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the annex of the periodic report</source>
        <translation>In phụ lục của báo cáo định kỳ</translation>
    </message>
    <message>
        <location line="+389"/>
        <source>Login</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voided</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipt</source>
        <translation>Biên nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/ui/drafts.py" line="+68"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restore finished</source>
        <translation>Hoàn tất khôi phục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting changed</source>
        <translation>Đổi cài đặt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Damaged data replaced by a backup</source>
        <translation>Dữ liệu hỏng đã được thay bằng bản sao lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User added</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User changed</source>
        <translation>Sửa người dùng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password changed</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password reset</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New database key</source>
        <translation>Đổi khóa cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key card trusted</source>
        <translation>Tin cậy thẻ khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key card replaced</source>
        <translation>Thay thẻ khóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Workstation keys made</source>
        <translation>Tạo khóa máy trạm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin key made</source>
        <translation>Tạo khóa quản trị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set up</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>accident</source>
        <translation>vụ tai nạn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>incident</source>
        <translation>sự cố</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>workstation</source>
        <translation>máy trạm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>key</source>
        <translation>khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user</source>
        <translation>người dùng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>setting</source>
        <translation>cài đặt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bundle</source>
        <translation>gói dữ liệu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>victims</source>
        <translation>người bị nạn</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>bundle flag</source>
        <translation>cảnh báo gói dữ liệu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>version</source>
        <translation>phiên bản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>role</source>
        <translation>vai trò</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decision</source>
        <translation>kết luận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reset</source>
        <translation>đặt lại</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>removed</source>
        <translation>đã bỏ</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>public key</source>
        <translation>khóa công khai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>period</source>
        <translation>kỳ báo cáo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bundle number</source>
        <translation>số thứ tự gói</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>records</source>
        <translation>số bản ghi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added</source>
        <translation>thêm mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>voided</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replaced</source>
        <translation>thay thế</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>received on</source>
        <translation>ngày nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>older</source>
        <translation>cũ hơn</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>office</source>
        <translation>cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>interim</source>
        <translation>tạm thời</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flags</source>
        <translation>cảnh báo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fingerprint</source>
        <translation>dấu vân tay khóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>encrypted to</source>
        <translation>mã hóa cho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered</source>
        <translation>đã tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>conflicts</source>
        <translation>xung đột</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>giá trị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>admin key</source>
        <translation>khóa quản trị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>users</source>
        <translation>người dùng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>old files kept in</source>
        <translation>các tệp cũ được giữ trong</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <location filename="../app/ui/crash.py" line="+132"/>
        <source>TNLĐ: unexpected error</source>
        <translation>TNLĐ: lỗi không mong đợi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sorry, something went wrong inside TNLĐ. What you saved before is safe; the last action may not have finished, so please check it.</source>
        <translation>Rất tiếc, TNLĐ đã gặp lỗi. Những gì đã lưu trước đó vẫn an toàn; thao tác cuối cùng có thể chưa hoàn tất, vì vậy hãy kiểm tra lại.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The details were saved in {path}. Please send that file, or the copied details, to whoever supports TNLĐ for your unit.</source>
        <translation>Chi tiết lỗi đã được lưu trong {path}. Hãy gửi tệp đó, hoặc phần chi tiết đã sao chép, cho người hỗ trợ TNLĐ của đơn vị.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The details could not be saved (is the disk full?). Please tell support what you were doing.</source>
        <translation>Không lưu được chi tiết lỗi (ổ đĩa đầy?). Hãy cho bộ phận hỗ trợ biết bạn đang làm gì.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="+133"/>
        <source>TNLĐ is already open on this data folder ({folder}), in another window of this computer. Use that window: look for TNLĐ on the taskbar. Open a second window only if you know why: both work on the same data.</source>
        <translation>TNLĐ đang mở trên thư mục dữ liệu này ({folder}), trong một cửa sổ khác của máy tính này. Hãy dùng cửa sổ đó: tìm TNLĐ trên thanh tác vụ. Chỉ mở cửa sổ thứ hai khi bạn biết rõ lý do: cả hai cùng làm việc trên một dữ liệu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/ui/crash.py" line="+4"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a second window</source>
        <translation>Mở cửa sổ thứ hai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TNLĐ is already open</source>
        <translation>TNLĐ đang mở</translation>
    </message>
    <message>
        <location filename="../app/ui/crash.py" line="+16"/>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
    <message>
        <location filename="../app/ui/messages.py" line="+20"/>
        <location line="+3"/>
        <location line="+5"/>
        <location line="+6"/>
        <source>TNLĐ</source>
        <translation>TNLĐ</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+4"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../app/ui/drafts.py" line="-41"/>
        <source>{time} on {date}</source>
        <translation>{time} ngày {date}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no place yet</source>
        <translation>chưa ghi nơi xảy ra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no date yet</source>
        <translation>chưa ghi ngày xảy ra</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no victim named yet</source>
        <translation>chưa ghi tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have an unsaved accident from {when}: {place}, on {date}; victims: {victims}.</source>
        <translation>Bạn có một vụ tai nạn chưa lưu từ {when}: {place}, {date}; người bị nạn: {victims}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These are changes to an accident that was already saved.</source>
        <translation>Đây là những thay đổi của một vụ tai nạn đã lưu trước đó.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore it to finish and save it, or discard it?</source>
        <translation>Khôi phục để nhập tiếp và lưu, hay bỏ đi?</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../app/ui/messages.py" line="+1"/>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsaved accident</source>
        <translation>Vụ tai nạn chưa lưu</translation>
    </message>
    <message>
        <location filename="../app/ui/messages.py" line="+1"/>
        <location filename="../app/ui/worker.py" line="+138"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../app/ui/preview_dialog.py" line="+357"/>
        <source>Quick report (Form 06)</source>
        <translation>Báo cáo nhanh (Mẫu 06)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record of the event</source>
        <translation>Biên bản ghi nhận sự việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public notice</source>
        <translation>Thông báo niêm yết</translation>
    </message>
    <message>
        <location filename="../app/ui/auto_backup.py" line="+89"/>
        <source>Making the daily automatic backup of the data…</source>
        <translation>Đang tạo bản sao lưu tự động hằng ngày của dữ liệu…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/ui/worker.py" line="+1"/>
        <source>Please wait</source>
        <translation>Vui lòng chờ</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Your work is saved, but the daily automatic backup could not be made: the disk holding {path} is full. Free some space; an admin can also make a backup on another disk (Admin ▸ Backup and restore).</source>
        <translation>Công việc của bạn đã được lưu, nhưng không tạo được bản sao lưu tự động hằng ngày: ổ đĩa chứa {path} đã đầy. Hãy giải phóng bớt dung lượng; người quản trị cũng có thể sao lưu sang ổ đĩa khác (Quản trị ▸ Sao lưu và khôi phục).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your work is saved, but the daily automatic backup could not be made in {path}: {reason}. An admin can make a backup on another disk (Admin ▸ Backup and restore).</source>
        <translation>Công việc của bạn đã được lưu, nhưng không tạo được bản sao lưu tự động hằng ngày trong {path}: {reason}. Người quản trị có thể sao lưu sang ổ đĩa khác (Quản trị ▸ Sao lưu và khôi phục).</translation>
    </message>
    <message>
        <location filename="../app/ui/accident_form.py" line="+87"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fatal</source>
        <translation>Chết</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Serious injury</source>
        <translation>Bị thương nặng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minor injury</source>
        <translation>Bị thương nhẹ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First aid only</source>
        <translation>Chỉ sơ cứu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recovered</source>
        <translation>Đã hồi phục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lasting effects</source>
        <translation>Có di chứng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Died</source>
        <translation>Tử vong</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not known</source>
        <translation>Chưa rõ</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>Read only: your account may look at records, not change them.</source>
        <translation>Chỉ xem: tài khoản của bạn được xem hồ sơ nhưng không được sửa.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>New accident</source>
        <translation>Vụ tai nạn mới</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accident {id} (version {version})</source>
        <translation>Vụ tai nạn {id} (phiên bản {version})</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>This victim has a problem to fix</source>
        <translation>Người bị nạn này có thông tin cần sửa</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Victim {number} of {count}</source>
        <translation>Người bị nạn {number}/{count}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>victim {number}</source>
        <translation>người bị nạn thứ {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {name} from this accident?</source>
        <translation>Xóa {name} khỏi vụ tai nạn này?</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Problems to fix: {count}</source>
        <translation>Lỗi cần sửa: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No problem found</source>
        <translation>Không có lỗi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Victim {number}, {field}</source>
        <translation>Người bị nạn {number}, {field}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Victims</source>
        <translation>Người bị nạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>Warning: {text}</source>
        <translation>Cảnh báo: {text}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>same ID number</source>
        <translation>trùng số định danh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>same name, born near, days apart</source>
        <translation>trùng họ tên, năm sinh gần nhau, ngày xảy ra cách nhau ít ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}, born {year}: accident of {date} ({id}), {reason}</source>
        <translation>{name}, sinh năm {year}: vụ tai nạn ngày {date} ({id}), {reason}</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Not saved: fix the problems listed first.</source>
        <translation>Chưa lưu: hãy sửa các lỗi đã liệt kê trước.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save despite warnings</source>
        <translation>Vẫn lưu dù có cảnh báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please check:
{warnings}

To save anyway, say why these are right (for example: the ID card says so).</source>
        <translation>Hãy kiểm tra lại:
{warnings}

Để vẫn lưu, hãy ghi rõ vì sao các thông tin này là đúng (ví dụ: ghi theo thẻ căn cước).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved (version {version}).</source>
        <translation>Đã lưu (phiên bản {version}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This accident has changes that are not saved. Save them?</source>
        <translation>Vụ tai nạn này có thay đổi chưa được lưu. Lưu các thay đổi này?</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Void this accident</source>
        <translation>Hủy vụ tai nạn này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void the accident of {date} ({victims})? It stays in the history and the office is told.
Why is it void (for example: entered twice)?</source>
        <translation>Hủy vụ tai nạn ngày {date} ({victims})? Vụ này vẫn được giữ trong lịch sử và cơ quan tiếp nhận sẽ được thông báo.
Lý do hủy là gì (ví dụ: nhập trùng)?</translation>
    </message>
    <message>
        <location filename="../app/ui/wizard.py" line="+919"/>
        <source>TNLĐ — recovery code</source>
        <translation>TNLĐ — mã khôi phục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed on {date}</source>
        <translation>In ngày {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With this code a new password can be set when every password is forgotten (Log in → Forgot password). Anyone holding it can open the data: keep this paper locked away, not beside the computer.</source>
        <translation>Mã này dùng để đặt mật khẩu mới khi đã quên hết mọi mật khẩu (Đăng nhập → Quên mật khẩu). Ai giữ mã này đều mở được dữ liệu: hãy cất tờ giấy này ở nơi có khóa, không để cạnh máy tính.</translation>
    </message>
    <message>
        <location filename="../app/ui/texts.py" line="+39"/>
        <source>{value} is not a date; type it as day/month/year, for example 15/03/2026</source>
        <translation>{value} không phải là ngày hợp lệ; hãy gõ theo dạng ngày/tháng/năm, ví dụ 15/03/2026</translation>
    </message>
    <message>
        <location filename="../app/ui/damaged_restore.py" line="+42"/>
        <source>Backup of {unit} — {name}, made on {date}: {accidents} accident(s), {incidents} incident(s), {users} user(s).</source>
        <translation>Bản sao lưu của {unit} — {name}, tạo ngày {date}: {accidents} vụ tai nạn, {incidents} sự cố, {users} người dùng.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../app/ui/about_dialog.py" line="+40"/>
        <source>About TNLĐ</source>
        <translation>Giới thiệu TNLĐ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TNLĐ — register of occupational accidents</source>
        <translation>TNLĐ — sổ theo dõi tai nạn lao động</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version:</source>
        <translation>Phiên bản:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open folder</source>
        <translation>&amp;Mở thư mục</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data folder:</source>
        <translation>Thư mục dữ liệu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Python {python}, Qt {qt}, PySide6 {pyside}, {system}</source>
        <translation>Python {python}, Qt {qt}, PySide6 {pyside}, {system}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Built with:</source>
        <translation>Xây dựng bằng:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Library</source>
        <translation>Thư viện</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Libraries (licences as their packages declare them):</source>
        <translation>Thư viện (giấy phép theo khai báo của từng gói):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Third-party notices: the licences of the libraries, of Qt (LGPL) and of the fonts bundled for the printed forms:</source>
        <translation>Thông báo của bên thứ ba: giấy phép của các thư viện, của Qt (LGPL) và của các phông chữ đi kèm để in biểu mẫu:</translation>
    </message>
</context>
<context>
    <name>AccidentForm</name>
    <message>
        <location filename="../app/ui/history_dialog.py" line="+36"/>
        <location filename="../forms/accident_form.ui" line="+40"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Date of the accident</source>
        <translation>Ngày xảy ra tai nạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Village</source>
        <translation>Thôn/bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Place</source>
        <translation>Nơi xảy ra</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Place, details</source>
        <translation>Địa điểm cụ thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Activity</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Work being done</source>
        <translation>Công việc đang làm</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+27"/>
        <source>What happened</source>
        <translation>Diễn biến sự việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+33"/>
        <source>Injury factor</source>
        <translation>Yếu tố gây chấn thương</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Cause</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>External cause</source>
        <translation>Nguyên nhân bên ngoài</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+635"/>
        <source>Reported by</source>
        <translation>Nguồn tin</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Declared on</source>
        <translation>Ngày khai báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Declared by (name)</source>
        <translation>Người khai báo (họ tên)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+27"/>
        <source>Record number</source>
        <translation>Số biên bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Notice posted on</source>
        <translation>Ngày niêm yết thông báo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>On the way to or from work</source>
        <translation>Trên đường đi và về nơi làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+17"/>
        <source>At a place an employer manages</source>
        <translation>Tại nơi do người sử dụng lao động quản lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why void</source>
        <translation>Lý do hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="-711"/>
        <location line="+77"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="-72"/>
        <location line="+95"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="-90"/>
        <location line="+113"/>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>ID number</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+27"/>
        <source>Occupation</source>
        <translation>Nghề nghiệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Commune of residence</source>
        <translation>Xã nơi cư trú</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="-273"/>
        <location line="+300"/>
        <source>Severity</source>
        <translation>Mức độ thương tích</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Injury type</source>
        <translation>Loại chấn thương</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Body part</source>
        <translation>Vùng cơ thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Nature of injury</source>
        <translation>Tính chất tổn thương</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Serious injuries (codes)</source>
        <translation>Chấn thương nặng (mã)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+27"/>
        <source>Died on</source>
        <translation>Ngày chết</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Outcome</source>
        <translation>Kết quả điều trị</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Days off work</source>
        <translation>Số ngày nghỉ việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Cost (thousand dong)</source>
        <translation>Chi phí (nghìn đồng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+23"/>
        <source>Insured</source>
        <translation>Có bảo hiểm tai nạn tự nguyện</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../forms/accident_form.ui" line="+17"/>
        <source>Disability</source>
        <translation>Suy giảm khả năng lao động</translation>
    </message>
    <message>
        <location filename="../forms/accident_form.ui" line="-896"/>
        <location line="+18"/>
        <source>Accident</source>
        <translation>Vụ tai nạn</translation>
    </message>
    <message>
        <location line="+303"/>
        <source>Victims</source>
        <translation>Người bị nạn</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Add victim (Ctrl+T)</source>
        <translation>&amp;Thêm người bị nạn (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Same address and occupation as the previous victim (Ctrl+D)</source>
        <translation>Cùng địa chỉ và nghề nghiệp với người bị nạn trước (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove victim</source>
        <translation>Xóa người bị nạn</translation>
    </message>
    <message>
        <location line="+522"/>
        <source>Declaration and notice</source>
        <translation>Khai báo và niêm yết</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Not known</source>
        <translation>Chưa rõ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Details confirmed</source>
        <translation>Đã xác nhận thông tin</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Problems to fix</source>
        <translation>Lỗi cần sửa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reported before?</source>
        <translation>Đã báo cáo trước đây?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An earlier report may be of the same person:</source>
        <translation>Có thể đã có báo cáo trước đây về cùng người này:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>New (Ctrl+N)</source>
        <translation>Thêm mới (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Void…</source>
        <translation>Hủy vụ…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>AccidentModel</name>
    <message>
        <location filename="../app/ui/accident_model.py" line="+208"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune / village</source>
        <translation>Xã / thôn, bản</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Village</source>
        <translation>Thôn/bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First victim</source>
        <translation>Người bị nạn đầu tiên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Victims (narrow column)</source>
        <translation>Bị nạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deaths (narrow column)</source>
        <translation>Chết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious (narrow column)</source>
        <translation>Nặng</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Serious</source>
        <translation>Bị thương nặng</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Number of victims</source>
        <translation>Số người bị nạn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number of dead</source>
        <translation>Số người chết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number seriously injured</source>
        <translation>Số người bị thương nặng</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Obligations</source>
        <translation>Nghĩa vụ</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{what}: due {due}</source>
        <translation>{what}: hạn {due}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Fatal</source>
        <translation>Có người chết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minor</source>
        <translation>Bị thương nhẹ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delivered</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue: {what}</source>
        <translation>Quá hạn: {what}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} due {due}</source>
        <translation>{what}, hạn {due}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Void</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../app/ui/wizard.py" line="-697"/>
        <source>The first administrator</source>
        <translation>Người quản trị đầu tiên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This user can add the other users later. Choose a password you can remember.</source>
        <translation>Người dùng này có thể thêm những người dùng khác sau. Hãy chọn mật khẩu mà bạn nhớ được.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;User name:</source>
        <translation>&amp;Tên người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Again:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caps Lock is on: the password is typed in capitals.</source>
        <translation>Caps Lock đang bật: mật khẩu đang được gõ bằng chữ in hoa.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Type a user name.</source>
        <translation>Hãy nhập tên người dùng.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the password a second time.</source>
        <translation>Hãy nhập mật khẩu lần thứ hai.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../app/ui/admin_dialogs.py" line="+81"/>
        <source>Audit log</source>
        <translation>Nhật ký thao tác</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The latest {count} entries, newest first.</source>
        <translation>{count} mục gần nhất, mới nhất ở trên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check the chain</source>
        <translation>&amp;Kiểm tra chuỗi</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checking the audit log…</source>
        <translation>Đang kiểm tra nhật ký thao tác…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Intact: {rows} entries, every one linked to the one before.</source>
        <translation>Nguyên vẹn: {rows} mục, mục nào cũng nối với mục trước nó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BROKEN at entry {seq}: the log was changed outside TNLĐ. Keep this database for inspection and tell the office.</source>
        <translation>BỊ ĐỨT tại mục {seq}: nhật ký đã bị sửa bên ngoài TNLĐ. Hãy giữ nguyên cơ sở dữ liệu này để kiểm tra và báo cho cơ quan tiếp nhận.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location line="-73"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location line="-318"/>
        <source>Backup and restore</source>
        <translation>Sao lưu và khôi phục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backup file is encrypted: it opens only with the passwords valid today. Keep it on a USB stick away from this computer.</source>
        <translation>Tệp sao lưu được mã hóa: chỉ mở được bằng các mật khẩu đang dùng hiện nay. Hãy cất tệp trên USB, để xa máy tính này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back up to a file…</source>
        <translation>&amp;Sao lưu ra tệp…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+156"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>A restore replaces today&apos;s data by the backup&apos;s (today&apos;s data is kept in the backups folder). Type your password as it was when the backup was made.</source>
        <translation>Khôi phục sẽ thay dữ liệu hiện tại bằng dữ liệu của bản sao lưu (dữ liệu hiện tại được giữ trong thư mục backups). Hãy nhập mật khẩu của bạn như lúc tạo bản sao lưu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore from a file…</source>
        <translation>&amp;Khôi phục từ tệp…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic backup of</source>
        <translation>Bản sao lưu tự động ngày</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore the &amp;selected automatic backup</source>
        <translation>Khôi phục &amp;bản sao lưu tự động đã chọn</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Back up to</source>
        <translation>Sao lưu vào</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Backup written to {path} ({size}).</source>
        <translation>Đã ghi bản sao lưu vào {path} ({size}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing the backup…</source>
        <translation>Đang ghi bản sao lưu…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type your password as it was when the backup was made, then choose the backup again.</source>
        <translation>Hãy nhập mật khẩu của bạn như lúc tạo bản sao lưu, rồi chọn lại bản sao lưu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore from</source>
        <translation>Khôi phục từ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace today&apos;s data by the backup of {date}? It holds {accidents} accident(s), {incidents} incident(s) and {users} user(s); it was made by {user}.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu ngày {date}? Bản sao lưu có {accidents} vụ tai nạn, {incidents} sự cố và {users} người dùng; do {user} tạo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today: {accidents} accident(s), {incidents} incident(s), {users} user(s).</source>
        <translation>Hiện tại: {accidents} vụ tai nạn, {incidents} sự cố, {users} người dùng.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup holds {count} accident(s) fewer than today.</source>
        <translation>Bản sao lưu ít hơn hiện tại {count} vụ tai nạn.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s data is kept in the backups folder.</source>
        <translation>Dữ liệu hiện tại được giữ trong thư mục backups.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restored the backup of {date} ({count} accident(s)). From now on, log in with the passwords that were valid when the backup was made.</source>
        <translation>Đã khôi phục bản sao lưu ngày {date} ({count} vụ tai nạn). Từ nay, hãy đăng nhập bằng mật khẩu có hiệu lực lúc tạo bản sao lưu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The previous data was kept in {path}.</source>
        <translation>Dữ liệu trước đó được giữ lại tại {path}.</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../app/ui/wizard.py" line="+29"/>
        <source>The office&apos;s key card (you may skip this)</source>
        <translation>Thẻ khóa của cơ quan tiếp nhận (có thể bỏ qua bước này)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports are sent only to an office whose key card this computer trusts. If the office gave you its card (a .card file), choose it now; otherwise do it later from the Send window.</source>
        <translation>Báo cáo chỉ được gửi đến cơ quan tiếp nhận có thẻ khóa được máy này tin cậy. Nếu cơ quan tiếp nhận đã đưa thẻ khóa (tệp .card), hãy chọn ngay bây giờ; nếu chưa, có thể làm sau trong cửa sổ Gửi cơ quan tiếp nhận.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Choose the card file…</source>
        <translation>&amp;Chọn tệp thẻ khóa…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Do not use a card</source>
        <translation>&amp;Không dùng thẻ khóa</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Call the office and read this fingerprint aloud, group by group. Trust the card only if the office reads the same numbers.</source>
        <translation>Hãy gọi điện cho cơ quan tiếp nhận và đọc to dấu vân tay khóa này, từng nhóm một. Chỉ tin cậy thẻ khi cơ quan tiếp nhận đọc đúng các số đó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The office read the same numbers: &amp;trust this card</source>
        <translation>Cơ quan tiếp nhận đã đọc đúng các số này: &amp;tin cậy thẻ này</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The office&apos;s key card</source>
        <translation>Thẻ khóa của cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key cards (*.card);;All files (*)</source>
        <translation>Thẻ khóa (*.card);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Key card of {unit} — {name}</source>
        <translation>Thẻ khóa của {unit} — {name}</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <location line="+73"/>
        <source>Your recovery code: write it down now</source>
        <translation>Mã khôi phục của bạn: hãy chép lại ngay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If every password is forgotten, this code is the only way back into the data. It is shown only once. Print it or write it on paper, and keep the paper locked away, not beside the computer.</source>
        <translation>Nếu quên hết mọi mật khẩu, mã này là cách duy nhất để mở lại dữ liệu. Mã chỉ hiện một lần. Hãy in hoặc chép ra giấy, và cất tờ giấy ở nơi có khóa, không để cạnh máy tính.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I have &amp;written down or printed the recovery code</source>
        <translation>Tôi đã &amp;chép lại hoặc in mã khôi phục</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The office&apos;s key card was not trusted: {reason}. The folder is set up; register the card later from the Send window.</source>
        <translation>Thẻ khóa của cơ quan tiếp nhận chưa được tin cậy: {reason}. Thư mục dữ liệu đã được thiết lập; hãy đăng ký thẻ sau trong cửa sổ Gửi cơ quan tiếp nhận.</translation>
    </message>
</context>
<context>
    <name>DamagedRestoreDialog</name>
    <message>
        <location filename="../app/ui/damaged_restore.py" line="+34"/>
        <source>TNLĐ — Restore a backup</source>
        <translation>TNLĐ — Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data of this folder cannot be used. The backup below can take its place: the old files are kept in the backups folder, and what was saved after the backup was made is not in it. Type the user name and password of an admin as they were when the backup was made (usually today&apos;s).</source>
        <translation>Không dùng được dữ liệu của thư mục này. Bản sao lưu dưới đây có thể thay thế nó: các tệp cũ được giữ lại trong thư mục backups, và những gì đã lưu sau khi tạo bản sao lưu sẽ không có trong đó. Hãy gõ tên người dùng và mật khẩu của một người quản trị như lúc tạo bản sao lưu (thường là mật khẩu hiện nay).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backup: {path}
File dated {date}</source>
        <translation>Bản sao lưu: {path}
Tệp ngày {date}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;User name:</source>
        <translation>&amp;Tên người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Open the backup</source>
        <translation>&amp;Mở bản sao lưu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Type the user name of an admin.</source>
        <translation>Hãy gõ tên người dùng của một người quản trị.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the password.</source>
        <translation>Hãy gõ mật khẩu.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../app/ui/widgets/date_edit.py" line="+77"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not a date: type it as dd/mm/yyyy</source>
        <translation>Không phải ngày: hãy nhập theo dạng dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../app/ui/help_window.py" line="+37"/>
        <source>TNLĐ user guide</source>
        <translation>Hướng dẫn sử dụng TNLĐ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The user guide is missing from this installation ({path}). Install the program again.</source>
        <translation>Bản cài đặt này thiếu hướng dẫn sử dụng ({path}). Hãy cài lại chương trình.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../app/ui/history_dialog.py" line="+31"/>
        <source>History of accident {id}</source>
        <translation>Lịch sử vụ tai nạn {id}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version {version}</source>
        <translation>Phiên bản {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version &amp;A:</source>
        <translation>Phiên bản &amp;A:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version &amp;B:</source>
        <translation>Phiên bản &amp;B:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show only what changed</source>
        <translation>Chỉ hiện những gì đã thay đổi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version A</source>
        <translation>Phiên bản A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version B</source>
        <translation>Phiên bản B</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>saved by {author} at {when}</source>
        <translation>do {author} lưu lúc {when}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Void</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Victim {number}: {field}</source>
        <translation>Người bị nạn {number}: {field}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Changed</source>
        <translation>Đã thay đổi</translation>
    </message>
</context>
<context>
    <name>IncidentModel</name>
    <message>
        <location filename="../app/ui/incident_model.py" line="+51"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Village</source>
        <translation>Thôn/bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What failed</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damage (thousand VND)</source>
        <translation>Thiệt hại (nghìn đồng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deaths</source>
        <translation>Số người chết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injured</source>
        <translation>Bị thương</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Void</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../app/ui/keys_dialog.py" line="+50"/>
        <source>Key cards</source>
        <translation>Thẻ khóa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This workstation&apos;s card</source>
        <translation>Thẻ khóa của máy này</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>C&amp;opy</source>
        <translation>Sa&amp;o chép</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save card…</source>
        <translation>&amp;Lưu thẻ…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the card file to the other side (a USB stick); when they call, read them this fingerprint.</source>
        <translation>Hãy đưa tệp thẻ khóa cho bên kia (qua USB); khi họ gọi điện, hãy đọc cho họ dấu vân tay khóa này.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cards trusted here</source>
        <translation>Các thẻ khóa được tin cậy tại đây</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fingerprint</source>
        <translation>Dấu vân tay khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted on</source>
        <translation>Ngày tin cậy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Trust a card…</source>
        <translation>&amp;Tin cậy một thẻ khóa…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Office</source>
        <translation>Cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the key card</source>
        <translation>Lưu thẻ khóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key cards (*.card)</source>
        <translation>Thẻ khóa (*.card)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The key card was saved to {path}.</source>
        <translation>Đã lưu thẻ khóa vào {path}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trust a key card</source>
        <translation>Tin cậy thẻ khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key cards (*.card);;All files (*)</source>
        <translation>Thẻ khóa (*.card);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>office</source>
        <translation>cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key card of {unit} {name} ({kind}).

Fingerprint:
{fingerprint}

Call that unit and ask them to read out the fingerprint their program shows. Trust the card only if every digit is the same.</source>
        <translation>Thẻ khóa của {unit} {name} ({kind}).

Dấu vân tay khóa:
{fingerprint}

Hãy gọi điện cho đơn vị đó và đề nghị họ đọc dấu vân tay khóa hiện trên chương trình của họ. Chỉ tin cậy thẻ khi mọi chữ số đều giống nhau.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The digits are the same: trust</source>
        <translation>Các chữ số giống nhau: tin cậy</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{message}

Replace the old card with this one?</source>
        <translation>{message}

Thay thẻ cũ bằng thẻ này?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>Thay thế</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This card is already trusted.</source>
        <translation>Thẻ này đã được tin cậy từ trước.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card of {unit} {name} is now trusted.</source>
        <translation>Thẻ khóa của {unit} {name} nay đã được tin cậy.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../app/ui/login_dialog.py" line="+154"/>
        <source>TNLĐ — Log in</source>
        <translation>TNLĐ — Đăng nhập</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Data folder: {folder}</source>
        <translation>Thư mục dữ liệu: {folder}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;User name:</source>
        <translation>&amp;Tên người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caps Lock is on: the password is typed in capitals.</source>
        <translation>Caps Lock đang bật: mật khẩu đang được gõ bằng chữ in hoa.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Log in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Forgot password…</source>
        <translation>&amp;Quên mật khẩu…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Restore the newest automatic backup…</source>
        <translation>&amp;Khôi phục bản sao lưu tự động mới nhất…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore another &amp;backup file…</source>
        <translation>Khôi phục từ một tệp &amp;sao lưu khác…</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Type your user name.</source>
        <translation>Hãy nhập tên người dùng.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your password.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Closing when the current try is over…</source>
        <translation>Sẽ đóng khi lần thử đăng nhập hiện tại kết thúc…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>An admin can put a backup in place of this data; the old files are kept. The newest automatic backup is of {date}.</source>
        <translation>Người quản trị có thể đặt một bản sao lưu vào thay cho dữ liệu này; các tệp cũ được giữ lại. Bản sao lưu tự động mới nhất là của ngày {date}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An admin can put a backup in place of this data; the old files are kept. There is no automatic backup in this folder: choose a backup file (from a USB stick).</source>
        <translation>Người quản trị có thể đặt một bản sao lưu vào thay cho dữ liệu này; các tệp cũ được giữ lại. Thư mục này không có bản sao lưu tự động nào: hãy chọn một tệp sao lưu (từ USB).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Restore from</source>
        <translation>Khôi phục từ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The backup of {date} is restored ({count} accident(s)); what was saved after it is not in it. The old files were kept in {path}. From now on, log in with the passwords that were valid when the backup was made.</source>
        <translation>Đã khôi phục bản sao lưu ngày {date} ({count} vụ tai nạn); những gì lưu sau thời điểm đó không có trong bản này. Các tệp cũ được giữ trong {path}. Từ nay, hãy đăng nhập bằng mật khẩu còn hiệu lực lúc tạo bản sao lưu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="+110"/>
        <source>Accidents</source>
        <translation>Vụ tai nạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incidents</source>
        <translation>Sự cố kỹ thuật nghiêm trọng</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{unit} — {user} — TNLĐ</source>
        <translation>{unit} — {user} — TNLĐ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Half {n}</source>
        <translation>Nửa năm {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quarter {n}</source>
        <translation>Quý {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Month {n}</source>
        <translation>Tháng {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any severity</source>
        <translation>Mọi mức độ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fatal</source>
        <translation>Có người chết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seriously injured</source>
        <translation>Bị thương nặng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sent or not</source>
        <translation>Đã gửi hoặc chưa gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>V&amp;illage:</source>
        <translation>T&amp;hôn/bản:</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>&amp;New accident</source>
        <translation>&amp;Thêm vụ tai nạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History of versions</source>
        <translation>&amp;Lịch sử các phiên bản</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Void…</source>
        <translation>&amp;Hủy vụ tai nạn…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quick report (Mẫu 06)…</source>
        <translation>Báo cáo &amp;nhanh (Mẫu 06)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Record of the event (biên bản)…</source>
        <translation>&amp;Biên bản ghi nhận sự việc…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public &amp;notice…</source>
        <translation>&amp;Thông báo niêm yết…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Periodic report…</source>
        <translation>&amp;Báo cáo định kỳ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register…</source>
        <translation>&amp;Sổ theo dõi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Line list…</source>
        <translation>&amp;Danh sách chi tiết…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send to the office…</source>
        <translation>&amp;Gửi cơ quan tiếp nhận…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key cards…</source>
        <translation>&amp;Thẻ khóa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Users…</source>
        <translation>&amp;Người dùng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Backup and restore…</source>
        <translation>&amp;Sao lưu và khôi phục…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Audit log…</source>
        <translation>Nhật &amp;ký thao tác…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About TNLĐ…</source>
        <translation>&amp;Giới thiệu TNLĐ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change my &amp;password…</source>
        <translation>Đổi mật khẩu &amp;của tôi…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xit</source>
        <translation>Th&amp;oát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>Tìm &amp;kiếm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Accident</source>
        <translation>&amp;Vụ tai nạn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forms</source>
        <translation>&amp;Biểu mẫu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Send</source>
        <translation>&amp;Gửi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;dmin</source>
        <translation>&amp;Quản trị</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search: name, village, ID number… (Ctrl+F)</source>
        <translation>Tìm kiếm: họ tên, thôn/bản, số định danh… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading the list… %p%</source>
        <translation>Đang tải danh sách… %p%</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All villages</source>
        <translation>Tất cả thôn/bản</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>{shown} of {total} accidents shown · {fatal} fatal · {overdue} with overdue obligations</source>
        <translation>Hiển thị {shown} trên tổng số {total} vụ tai nạn · {fatal} vụ có người chết · {overdue} vụ có nghĩa vụ quá hạn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{shown} of {total} accidents shown</source>
        <translation>Hiển thị {shown} trên tổng số {total} vụ tai nạn</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Please wait: the data is being replaced or re-keyed…</source>
        <translation>Vui lòng chờ: đang thay dữ liệu hoặc đổi khóa cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>The language will change the next time you log in.</source>
        <translation>Ngôn ngữ sẽ được đổi từ lần đăng nhập sau.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../app/cli/main.py" line="+873"/>
        <location filename="../app/core/messages.py" line="+751"/>
        <source>cancelled; nothing was changed</source>
        <translation>đã hủy thao tác; không có gì thay đổi</translation>
    </message>
    <message>
        <location filename="../app/core/messages.py" line="-728"/>
        <source>line {line}: {message}</source>
        <translation>dòng {line}: {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} error(s) found; nothing was saved. Correct them and try again.</source>
        <translation>Phát hiện {count} lỗi; chưa lưu dữ liệu nào. Hãy sửa các lỗi rồi thử lại.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is required; fill it in</source>
        <translation>là bắt buộc; hãy điền vào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a field of an accident record; check its spelling (see docs/interchange.md)</source>
        <translation>không phải là trường của bản ghi vụ tai nạn; hãy kiểm tra chính tả (xem docs/interchange.md)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a field of a serious technical incident; check its spelling (see docs/interchange.md)</source>
        <translation>không phải là trường của bản ghi sự cố kỹ thuật nghiêm trọng; hãy kiểm tra chính tả (xem docs/interchange.md)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be text</source>
        <translation>phải là văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is longer than {limit} characters; shorten it</source>
        <translation>dài quá {limit} ký tự; hãy rút ngắn lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a whole number, got {value}</source>
        <translation>phải là số nguyên, nhưng giá trị đã nhập là {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must not be negative, got {value}</source>
        <translation>không được là số âm, nhưng giá trị đã nhập là {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a number, got {value}</source>
        <translation>phải là số, nhưng giá trị đã nhập là {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be true or false, got {value}</source>
        <translation>phải là true hoặc false, nhưng giá trị đã nhập là {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be true, false or null (not known), got {value}</source>
        <translation>phải là true, false hoặc null (chưa rõ), nhưng giá trị đã nhập là {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} is not a date; write it as YYYY-MM-DD, for example 2026-03-15</source>
        <translation>{value} không phải là ngày hợp lệ; hãy viết theo dạng YYYY-MM-DD, ví dụ 2026-03-15</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not a time; write it as HH:MM, for example 07:30</source>
        <translation>{value} không phải là giờ hợp lệ; hãy viết theo dạng HH:MM, ví dụ 07:30</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a record identifier (a UUID such as 3f2b…-…); keep the id the program gave</source>
        <translation>{value} không phải là mã định danh bản ghi (một UUID như 3f2b…-…); hãy giữ nguyên id do chương trình cấp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not allowed; use one of: {choices}</source>
        <translation>{value} không được chấp nhận; hãy dùng một trong các giá trị: {choices}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list</source>
        <translation>phải là một danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be an object with the victim&apos;s fields</source>
        <translation>phải là một đối tượng gồm các trường thông tin của nạn nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is far too large; at most {maximum}</source>
        <translation>{value} quá lớn; tối đa là {maximum}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains a character that is not valid text (half of a character pair, from a broken escape or a damaged file); retype the value</source>
        <translation>có một ký tự không hợp lệ (nửa của một cặp ký tự, do mã thoát bị hỏng hoặc tệp bị hỏng); hãy gõ lại giá trị</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invisible characters (direction marks, zero-width spaces, control characters) were removed; check the text</source>
        <translation>đã xóa các ký tự ẩn (dấu đổi chiều viết, khoảng trắng độ rộng 0, ký tự điều khiển); hãy kiểm tra lại nội dung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{value} is not a date; write it as dd/mm/yyyy, for example 05/07/2026</source>
        <translation>{value} không phải là ngày; hãy ghi theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/07/2026</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the date {value} is in the future; enter a date up to today</source>
        <translation>ngày {value} là ngày trong tương lai; hãy nhập ngày không muộn hơn hôm nay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the date {value} is before the accident ({occurred_on}); check both dates</source>
        <translation>ngày {value} sớm hơn ngày xảy ra tai nạn ({occurred_on}); hãy kiểm tra cả hai ngày</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>birth year {year} does not match birth date {date}; give one of them, or make them agree</source>
        <translation>năm sinh {year} không khớp với ngày sinh {date}; hãy chỉ ghi một trong hai, hoặc sửa cho khớp nhau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>birth year {value} is not plausible; check it</source>
        <translation>năm sinh {value} không hợp lý; hãy kiểm tra lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the victim is born after the accident date; check both dates</source>
        <translation>nạn nhân sinh sau ngày xảy ra tai nạn; hãy kiểm tra cả hai ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an accident needs at least one victim</source>
        <translation>mỗi vụ tai nạn phải có ít nhất một nạn nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} victims in one accident; at most {limit} can be recorded in one record</source>
        <translation>{count} nạn nhân trong một vụ tai nạn; một hồ sơ chỉ ghi được tối đa {limit} nạn nhân</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a fatal case needs the date of death (died_on) or the outcome &apos;died&apos;</source>
        <translation>trường hợp chết người phải có ngày chết (died_on) hoặc kết quả &apos;died&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a date of death or the outcome &apos;died&apos; means the severity is &apos;fatal&apos;; set severity to fatal</source>
        <translation>đã có ngày chết hoặc kết quả &apos;died&apos; thì mức độ (severity) phải là &apos;fatal&apos;; hãy đặt severity là fatal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>code {value} is not in the list {list}; pick a code from the list</source>
        <translation>mã {value} không có trong danh mục {list}; hãy chọn một mã trong danh mục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>code {value} of the list {list} is not valid on {date} (valid {valid}); pick a code valid on the accident date</source>
        <translation>mã {value} của danh mục {list} không có hiệu lực vào ngày {date} (hiệu lực: {valid}); hãy chọn mã có hiệu lực vào ngày xảy ra tai nạn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not a commune code; give the 5-digit code of a commune, ward or special zone</source>
        <translation>{value} không phải là mã xã; hãy ghi mã gồm 5 chữ số của xã, phường hoặc đặc khu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no commune with code {value} in the administrative units list; check the code</source>
        <translation>không có xã nào mang mã {value} trong danh mục đơn vị hành chính; hãy kiểm tra lại mã</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this workstation records for commune {own}; the record names commune {value}</source>
        <translation>máy trạm này dùng để ghi nhận cho xã {own}, nhưng bản ghi lại ghi xã {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>commune {value} is not in province {province}, which this office covers</source>
        <translation>xã {value} không thuộc tỉnh {province} là địa bàn do cơ quan tiếp nhận này phụ trách</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a personal ID number has exactly 12 digits; {value} has {digits}</source>
        <translation>số định danh cá nhân phải có đúng 12 chữ số; {value} có {digits} chữ số</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>digit 4 of the ID number ({digit}) does not match sex {sex} and birth year {year}; check both</source>
        <translation>chữ số thứ 4 của số định danh ({digit}) không khớp với giới tính {sex} và năm sinh {year}; hãy kiểm tra cả hai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>digits 5–6 of the ID number ({digits}) do not match the birth year {year}; check both</source>
        <translation>chữ số thứ 5–6 của số định danh ({digits}) không khớp với năm sinh {year}; hãy kiểm tra cả hai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not a Vietnamese phone number (10 digits starting 03, 05, 07, 08, 09, or a landline 02…)</source>
        <translation>{value} không phải là số điện thoại Việt Nam (10 chữ số bắt đầu bằng 03, 05, 07, 08, 09, hoặc số cố định 02…)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the victim&apos;s age is {age}; check the birth date or year</source>
        <translation>tuổi của nạn nhân là {age}; hãy kiểm tra lại ngày sinh hoặc năm sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an injury from the serious-injury list is recorded; the severity should probably be &apos;serious&apos;</source>
        <translation>đã ghi nhận một thương tích thuộc danh mục thương tích nặng; mức độ (severity) có lẽ nên là &apos;serious&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a new record cannot be void; void it after saving</source>
        <translation>bản ghi mới không thể ở trạng thái đã hủy; hãy lưu trước rồi mới hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the accident {value} is not recorded here; link only accidents of this register (their ids are shown by tnld list)</source>
        <translation>vụ tai nạn {value} không có trong sổ này; chỉ liên kết các vụ tai nạn đã ghi tại đây (mã của chúng hiện trong tnld list)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file {path} does not exist; check the name and folder</source>
        <translation>không tìm thấy tệp {path}; hãy kiểm tra tên tệp và thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a file; give a file</source>
        <translation>{path} là thư mục, không phải tệp; hãy chỉ định một tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {path} cannot be read: {reason}</source>
        <translation>không đọc được tệp {path}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {path} holds no accident; it is empty</source>
        <translation>tệp {path} không chứa vụ tai nạn nào; tệp đang trống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {path} already exists; choose another name or remove it first</source>
        <translation>tệp {path} đã tồn tại; hãy chọn tên khác hoặc xóa tệp đó trước</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file {path} already exists; choose another name, or add --force to replace it</source>
        <translation>tệp {path} đã tồn tại; hãy chọn tên khác, hoặc thêm --force để ghi đè</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not an ordinary file (a device, a pipe or a link to one); give the name of an ordinary file</source>
        <translation>{path} không phải là tệp thông thường (mà là thiết bị, đường ống hoặc liên kết tới chúng); hãy chỉ định một tệp thông thường</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file {path} is too large ({size}; at most {limit}); it is not the right file</source>
        <translation>tệp {path} quá lớn ({size}; tối đa {limit}); đây không phải là tệp cần dùng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder {folder} does not exist; create it first or choose another place for {path}</source>
        <translation>thư mục {folder} không tồn tại; hãy tạo thư mục trước hoặc chọn nơi khác cho {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is a key card, not a bundle; register it with: tnld keys trust {path}</source>
        <translation>{path} là thẻ khóa, không phải gói dữ liệu; hãy đăng ký bằng lệnh: tnld keys trust {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a TNLĐ backup, not a bundle; it is restored with: tnld restore {path}</source>
        <translation>{path} là bản sao lưu TNLĐ, không phải gói dữ liệu; bản sao lưu được khôi phục bằng lệnh: tnld restore {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a TNLĐ bundle; it is imported with: tnld import {path}</source>
        <translation>{path} là gói dữ liệu TNLĐ; gói được nhập bằng lệnh: tnld import {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a receipt from an office; the commune that sent the bundle imports it with: tnld import {path}</source>
        <translation>{path} là giấy biên nhận của cơ quan tiếp nhận; xã đã gửi gói dữ liệu nhập nó bằng lệnh: tnld import {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is the key file of a data folder (keys.json); it stays in its folder and is never imported</source>
        <translation>{path} là tệp khóa của một thư mục dữ liệu (keys.json); tệp này phải nằm yên trong thư mục của nó và không bao giờ được nhập</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} holds records as JSON text, not a bundle; records are added with: tnld add {path}</source>
        <translation>{path} chứa hồ sơ dạng văn bản JSON, không phải gói dữ liệu; hồ sơ được thêm bằng lệnh: tnld add {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a JSON text file, not a bundle; give the .tnld file the sender made with tnld export</source>
        <translation>{path} là tệp văn bản JSON, không phải gói dữ liệu; hãy chỉ định tệp .tnld mà nơi gửi đã tạo bằng lệnh tnld export</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a PDF, not a bundle; a signed report is checked with: tnld verify-pdf {path}</source>
        <translation>{path} là tệp PDF, không phải gói dữ liệu; báo cáo có chữ ký được kiểm tra bằng lệnh: tnld verify-pdf {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is an Excel workbook, not a bundle; give the .tnld file the sender made with tnld export</source>
        <translation>{path} là sổ tính Excel, không phải gói dữ liệu; hãy chỉ định tệp .tnld mà nơi gửi đã tạo bằng lệnh tnld export</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is {kind}, not {wanted}; choose the right file</source>
        <translation>{path} là {kind}, không phải {wanted}; hãy chọn đúng tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a TNLĐ bundle (a unit&apos;s report)</source>
        <translation>gói dữ liệu TNLĐ (báo cáo của một đơn vị)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a receipt from an office</source>
        <translation>biên nhận của cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a key card</source>
        <translation>thẻ khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a TNLĐ backup</source>
        <translation>bản sao lưu TNLĐ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key file of a data folder (keys.json)</source>
        <translation>tệp khóa của một thư mục dữ liệu (keys.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a file of records as JSON text</source>
        <translation>tệp bản ghi dạng văn bản JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a JSON text file</source>
        <translation>tệp văn bản JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a PDF</source>
        <translation>tệp PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an Excel workbook</source>
        <translation>bảng tính Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a file TNLĐ makes; check that you chose the right file</source>
        <translation>{path} không phải là tệp do TNLĐ tạo ra; hãy kiểm tra xem đã chọn đúng tệp chưa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the disk holding {path} is full; nothing was saved. Free some space (delete or move files you no longer need), or choose another place</source>
        <translation>ổ đĩa chứa {path} đã đầy; chưa lưu gì. Hãy giải phóng dung lượng (xóa hoặc chuyển các tệp không còn cần), hoặc chọn nơi khác</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is on a read-only disk or folder (a USB stick with its lock switch on?); nothing was saved. Choose another place</source>
        <translation>{path} nằm trên ổ đĩa hoặc thư mục chỉ đọc (USB đang gạt khóa chống ghi?); chưa lưu gì. Hãy chọn nơi khác</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this user may not write to {path}; nothing was saved. Choose another place, or ask whoever looks after this computer</source>
        <translation>người dùng này không có quyền ghi vào {path}; chưa lưu gì. Hãy chọn nơi khác, hoặc hỏi người quản lý máy tính này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line} holds a number with thousands of digits; no field takes such a number. Is this the right file?</source>
        <translation>dòng {line} chứa một số có hàng nghìn chữ số; không trường nào nhận số như vậy. Đây có đúng là tệp cần dùng không?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line} nests lists or objects {depth} levels deep; a record nests a few levels at most. Is this the right file?</source>
        <translation>dòng {line} lồng danh sách hoặc đối tượng sâu {depth} cấp; một hồ sơ chỉ lồng vài cấp. Đây có đúng là tệp cần dùng không?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file changed while it was being read; nothing was saved. Close other programs using it and try again</source>
        <translation>tệp đã bị thay đổi trong khi đang đọc; chưa lưu gì. Hãy đóng các chương trình khác đang dùng tệp rồi thử lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line} is not UTF-8 text (byte {byte} at position {position}); save the file as UTF-8</source>
        <translation>dòng {line} không phải văn bản UTF-8 (byte {byte} ở vị trí {position}); hãy lưu tệp theo mã UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line} is longer than {limit} bytes; one accident per line is far shorter. Is this the right file?</source>
        <translation>dòng {line} dài quá {limit} byte, trong khi mỗi dòng một vụ tai nạn thường ngắn hơn nhiều. Đây có đúng là tệp cần dùng không?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line} is not valid JSON ({reason} at column {column})</source>
        <translation>dòng {line} không phải là JSON hợp lệ ({reason} tại cột {column})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line}: the field {key} is written twice in one record; keep it once</source>
        <translation>dòng {line}: trường {key} được ghi hai lần trong cùng một hồ sơ; chỉ giữ một lần</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line} is not a JSON object; each line must be one accident {{…}}</source>
        <translation>dòng {line} không phải là đối tượng JSON; mỗi dòng phải là một vụ tai nạn {{…}}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the same accident id appears again on line {first}; put each accident once in a file</source>
        <translation>id của vụ tai nạn này đã có ở dòng {first}; mỗi vụ tai nạn chỉ được ghi một lần trong tệp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{value} is not a period; use 2026, 2026-H1, 2026-H2, 2026-Q1…Q4 or 2026-03</source>
        <translation>{value} không phải là kỳ báo cáo hợp lệ; hãy dùng 2026, 2026-H1, 2026-H2, 2026-Q1…Q4 hoặc 2026-03</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more than one record has an id beginning with {value}: {records}; give more characters of the id</source>
        <translation>có nhiều hơn một hồ sơ có mã bắt đầu bằng {value}: {records}; hãy nhập thêm ký tự của mã</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is not a TNLĐ data folder; set it up first with: tnld --data-dir {path} init …</source>
        <translation>{path} không phải là thư mục dữ liệu TNLĐ; hãy thiết lập trước bằng lệnh: tnld --data-dir {path} init …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} already holds a TNLĐ database; choose an empty folder</source>
        <translation>{path} đã chứa cơ sở dữ liệu TNLĐ; hãy chọn một thư mục trống</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the key file {path} is damaged ({reason}); restore it from a backup</source>
        <translation>tệp khóa {path} bị hỏng ({reason}); hãy khôi phục tệp này từ bản sao lưu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a file, not a folder; give the data folder with --data-dir (or TNLD_DATA_DIR)</source>
        <translation>{path} là một tệp, không phải thư mục; hãy chỉ định thư mục dữ liệu bằng --data-dir (hoặc TNLD_DATA_DIR)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the role must be &apos;commune&apos; or &apos;office&apos;, not {value}</source>
        <translation>vai trò phải là &apos;commune&apos; hoặc &apos;office&apos;, không phải {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an office is set up with the 2-digit code of its province; {value} is not a province code</source>
        <translation>cơ quan tiếp nhận được thiết lập bằng mã tỉnh gồm 2 chữ số; {value} không phải là mã tỉnh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an office needs its name: add --office-name &quot;Sở Nội vụ tỉnh …&quot;</source>
        <translation>cơ quan tiếp nhận cần có tên: hãy thêm --office-name &quot;Sở Nội vụ tỉnh …&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no password given; use --password-file FILE or the TNLD_PASSWORD variable</source>
        <translation>chưa có mật khẩu; hãy dùng --password-file FILE hoặc biến môi trường TNLD_PASSWORD</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the password must have at least {minimum} characters; a few words that only you would put together make a good one</source>
        <translation>mật khẩu phải có ít nhất {minimum} ký tự; vài từ ghép lại mà chỉ bạn nghĩ ra là một mật khẩu tốt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the password uses fewer than {minimum} different characters (spaces not counted); choose a few words instead</source>
        <translation>mật khẩu dùng ít hơn {minimum} ký tự khác nhau (không tính khoảng trắng); hãy chọn vài từ ghép lại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the password is a run of letters, digits or keys (like 1234567890 or qwertyuiop), which is guessed at once; choose a few words instead</source>
        <translation>mật khẩu là một dãy chữ, số hoặc phím liền nhau (như 1234567890 hay qwertyuiop), bị đoán ra ngay; hãy chọn vài từ ghép lại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the password is one of the most common ones (digits or signs around it do not help), which are tried first; choose a few words that only you would put together</source>
        <translation>mật khẩu nằm trong số những mật khẩu phổ biến nhất (thêm số hoặc ký hiệu xung quanh cũng không giúp gì), vốn bị thử đầu tiên; hãy chọn vài từ ghép lại mà chỉ bạn nghĩ ra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the password contains the user name {user}; choose one that does not</source>
        <translation>mật khẩu chứa tên người dùng {user}; hãy chọn mật khẩu khác</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the password contains the unit&apos;s name ({unit}); choose one that does not</source>
        <translation>mật khẩu chứa tên đơn vị ({unit}); hãy chọn mật khẩu khác</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the two passwords differ; type the same password twice</source>
        <translation>hai mật khẩu đã nhập không khớp nhau; hãy nhập cùng một mật khẩu hai lần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong user name or password; nothing was opened. Forgot it? An admin can reset it, or use the recovery code</source>
        <translation>sai tên người dùng hoặc mật khẩu; chưa mở dữ liệu nào. Quên mật khẩu? Người quản trị có thể đặt lại, hoặc hãy dùng mã khôi phục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the user {user} is disabled; ask an admin</source>
        <translation>người dùng {user} đã bị khóa; hãy liên hệ người quản trị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>several wrong passwords were typed for this user name; waiting a little before the next try…</source>
        <translation>đã nhập sai mật khẩu nhiều lần cho tên người dùng này; đang đợi một lát trước lần thử tiếp theo…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the users table was changed outside TNLĐ (users: {users}); nothing was opened. Ask an admin to log in: TNLĐ then puts the users back as an admin last saved them</source>
        <translation>bảng người dùng đã bị sửa bên ngoài TNLĐ (người dùng: {users}); chưa mở gì. Hãy nhờ một quản trị viên đăng nhập: khi đó TNLĐ sẽ đưa người dùng về như lần cuối quản trị viên đã lưu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the users table or its signature was changed outside TNLĐ; nothing was opened. An admin should restore the latest backup with: tnld restore FILE, and tell the office</source>
        <translation>bảng người dùng hoặc chữ ký của nó đã bị sửa bên ngoài TNLĐ; chưa mở gì. Quản trị viên cần khôi phục bản sao lưu gần nhất bằng lệnh: tnld restore TỆP, và báo cho cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the users table had been changed outside TNLĐ (users: {users}); the users were put back as an admin last saved them. Check who can use this computer with: tnld users list</source>
        <translation>bảng người dùng đã bị sửa bên ngoài TNLĐ (người dùng: {users}); người dùng đã được đưa về như lần cuối quản trị viên đã lưu. Hãy kiểm tra ai được dùng máy này bằng lệnh: tnld users list</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the admin key is not sealed to you on this workstation yet; ask another admin to log in once, then try again</source>
        <translation>khóa quản trị trên máy trạm này chưa được cấp cho bạn; hãy nhờ một quản trị viên khác đăng nhập một lần, rồi thử lại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the user {user} is disabled, and the recovery code does not let a disabled user in; an admin can enable them again with: tnld users enable {user}</source>
        <translation>người dùng {user} đã bị vô hiệu hóa, và mã khôi phục không cho người dùng bị vô hiệu hóa đăng nhập; quản trị viên có thể kích hoạt lại bằng lệnh: tnld users enable {user}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a change of the database key had been cut short and is now finished; its new recovery code may never have been printed: an admin should make a new one with: tnld users new-key</source>
        <translation>một lần đổi khóa cơ sở dữ liệu đã bị gián đoạn và nay đã hoàn tất; mã khôi phục mới của lần đó có thể chưa được in: quản trị viên cần tạo mã mới bằng lệnh: tnld users new-key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the key file {path} does not open this folder&apos;s database: it is an old copy of keys.json, or the database has been given a new key since (when a user is disabled or a password may have leaked). Nothing was opened. Do not restore a backup because of this: use the current keys.json, or ask an admin</source>
        <translation>tệp khóa {path} không mở được cơ sở dữ liệu của thư mục này: đó là bản sao cũ của keys.json, hoặc cơ sở dữ liệu đã được đổi khóa mới từ đó (khi một người dùng bị vô hiệu hóa hoặc một mật khẩu có thể đã bị lộ). Chưa mở gì. Đừng khôi phục bản sao lưu vì lý do này: hãy dùng keys.json hiện tại, hoặc hỏi quản trị viên</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the database file {path} is missing or empty, though this folder was set up; nothing was created in its place. Restore the latest backup with: tnld restore FILE</source>
        <translation>tệp cơ sở dữ liệu {path} bị mất hoặc trống dù thư mục này đã được thiết lập; chương trình không tạo tệp mới thay thế. Hãy khôi phục bản sao lưu mới nhất bằng lệnh: tnld restore FILE</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this workstation&apos;s recovery code was made before the admin key existed and does not bring it back; print a new recovery code with: tnld users new-key</source>
        <translation>mã khôi phục của máy trạm này được tạo trước khi có khóa quản trị nên không khôi phục được khóa đó; hãy in mã khôi phục mới bằng lệnh: tnld users new-key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the recovery code is wrong; type it as printed, the dashes may be left out</source>
        <translation>mã khôi phục không đúng; hãy nhập đúng như bản đã in, có thể bỏ qua dấu gạch ngang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the user {user} ({role}) may not {action}; ask a user with the role {needed}</source>
        <translation>người dùng {user} ({role}) không được phép {action}; hãy nhờ người dùng có vai trò {needed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>save records</source>
        <translation>lưu bản ghi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add records</source>
        <translation>thêm bản ghi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage users</source>
        <translation>quản lý người dùng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the audit log</source>
        <translation>xem nhật ký thao tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restore a backup</source>
        <translation>khôi phục bản sao lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>make a backup</source>
        <translation>sao lưu dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is done at a receiving office, not at a commune</source>
        <translation>việc này được thực hiện tại cơ quan tiếp nhận, không phải tại xã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is already a user named {user}</source>
        <translation>đã có người dùng tên là {user}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no user named {user}</source>
        <translation>không có người dùng nào tên là {user}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a user name has 1 to 40 letters, digits, dots, dashes or underscores; {value} does not fit</source>
        <translation>tên người dùng gồm 1 đến 40 ký tự là chữ cái, chữ số, dấu chấm, dấu gạch ngang hoặc dấu gạch dưới; {value} không hợp lệ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the role must be admin, clerk or viewer, not {value}</source>
        <translation>vai trò phải là admin, clerk hoặc viewer, không phải {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{user} is the last admin; make another admin first</source>
        <translation>{user} là người quản trị cuối cùng; hãy chỉ định thêm một người quản trị khác trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you ({user}) cannot disable yourself or change your own role; ask another admin</source>
        <translation>bạn ({user}) không thể tự vô hiệu hóa mình hoặc tự đổi vai trò của mình; hãy nhờ một quản trị viên khác</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the user {user} is already disabled</source>
        <translation>người dùng {user} đã bị vô hiệu hóa từ trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user {user} is not disabled</source>
        <translation>người dùng {user} không bị vô hiệu hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user {user} is disabled; enable them with a new password: tnld users enable {user}</source>
        <translation>người dùng {user} đã bị vô hiệu hóa; hãy kích hoạt lại với mật khẩu mới: tnld users enable {user}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this database was written by a newer version of TNLĐ ({names}); install the newer version</source>
        <translation>cơ sở dữ liệu này được tạo bởi phiên bản TNLĐ mới hơn ({names}); hãy cài đặt phiên bản mới hơn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database is damaged ({reason}); restore the latest backup with: tnld restore FILE</source>
        <translation>cơ sở dữ liệu bị hỏng ({reason}); hãy khôi phục bản sao lưu gần nhất bằng lệnh: tnld restore FILE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>another TNLĐ window or command has been saving to this data folder for too long; nothing was changed. Wait until it has finished (or close it), then try again</source>
        <translation>một cửa sổ hoặc lệnh TNLĐ khác đang ghi vào thư mục dữ liệu này quá lâu; chưa có gì thay đổi. Hãy đợi việc đó xong (hoặc đóng nó lại), rồi thử lại</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>another TNLĐ window or command is saving to this data folder; waiting for it to finish…</source>
        <translation>một cửa sổ hoặc lệnh TNLĐ khác đang ghi vào thư mục dữ liệu này; đang đợi việc đó xong…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data folder is open in another TNLĐ window or command; nothing was changed. Close the other windows and commands (on every user account of this computer), then try again</source>
        <translation>thư mục dữ liệu đang được mở trong một cửa sổ hoặc lệnh TNLĐ khác; chưa có gì thay đổi. Hãy đóng các cửa sổ và lệnh đó (ở mọi tài khoản người dùng trên máy này), rồi thử lại</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the data folder is being restored or re-keyed by another TNLĐ window or command; try again when it has finished</source>
        <translation>thư mục dữ liệu đang được khôi phục hoặc đổi khóa bởi một cửa sổ hoặc lệnh TNLĐ khác; hãy thử lại khi việc đó xong</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>waiting for the other TNLĐ windows and commands on this data folder to close…</source>
        <translation>đang đợi các cửa sổ và lệnh TNLĐ khác trên thư mục dữ liệu này đóng lại…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data folder is being restored or re-keyed; waiting for that to finish…</source>
        <translation>thư mục dữ liệu đang được khôi phục hoặc đổi khóa; đang đợi việc đó xong…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot use the data folder {path}: {reason}. Choose a folder you can write to</source>
        <translation>không dùng được thư mục dữ liệu {path}: {reason}. Hãy chọn một thư mục có quyền ghi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{value} is not an audit log head; give it as LENGTH:HASH, as tnld audit head prints it</source>
        <translation>{value} không phải là đầu chuỗi của nhật ký thao tác; hãy ghi theo dạng ĐỘ_DÀI:MÃ_BĂM, như lệnh tnld audit head in ra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audit log no longer extends the head taken earlier: rows were deleted or rewritten (entry {length} no longer has the hash {head}…). Keep this database for inspection and tell the office</source>
        <translation>nhật ký thao tác không còn nối tiếp đầu chuỗi đã ghi trước đây: có mục đã bị xóa hoặc viết lại (mục {length} không còn mã băm {head}…). Hãy giữ nguyên cơ sở dữ liệu này để kiểm tra và báo cho cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is not a TNLĐ backup file ({reason})</source>
        <translation>{path} không phải là tệp sao lưu TNLĐ ({reason})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup {path} is damaged: {reason}; use another backup</source>
        <translation>bản sao lưu {path} bị hỏng: {reason}; hãy dùng bản sao lưu khác</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this backup belongs to unit {backup_unit}, but this data folder is unit {unit}; restore it into an empty folder</source>
        <translation>bản sao lưu này thuộc đơn vị {backup_unit}, nhưng thư mục dữ liệu này thuộc đơn vị {unit}; hãy khôi phục vào một thư mục trống</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file {path} cannot be written: {reason}; check the USB stick or folder and try again</source>
        <translation>không ghi được tệp {path}: {reason}; hãy kiểm tra USB hoặc thư mục rồi thử lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup {path} was altered: its label says unit {label}, but its database is of unit {unit}. Do not restore it; tell the office</source>
        <translation>bản sao lưu {path} đã bị sửa đổi: nhãn ghi đơn vị {label}, nhưng cơ sở dữ liệu bên trong thuộc đơn vị {unit}. Không khôi phục bản này; hãy báo cho cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup {path} was altered ({reason}). Do not restore it; tell the office</source>
        <translation>bản sao lưu {path} đã bị sửa đổi ({reason}). Không khôi phục bản này; hãy báo cho cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this backup was made before backups were signed: only what its database holds (unit, records, keys) was checked. Restore it only if you know where it comes from</source>
        <translation>bản sao lưu này được tạo trước khi bản sao lưu có chữ ký số: chỉ kiểm tra được nội dung cơ sở dữ liệu bên trong (đơn vị, hồ sơ, khóa). Chỉ khôi phục nếu bạn biết rõ nguồn gốc của nó</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup {path} was made by another workstation (key {backup_key}), not this one (key {key}); nothing was changed. If this computer was set up again and the backup is this unit&apos;s own, restore it into an empty data folder</source>
        <translation>bản sao lưu {path} do một máy trạm khác tạo (khóa {backup_key}), không phải máy này (khóa {key}); chưa có gì thay đổi. Nếu máy này đã được thiết lập lại và bản sao lưu đúng là của đơn vị mình, hãy khôi phục vào một thư mục dữ liệu trống</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the backup {path} holds no workstation key, and its audit log does not begin with this data folder&apos;s set-up: it may come from another workstation; nothing was changed. If the backup is this unit&apos;s own, restore it into an empty data folder</source>
        <translation>bản sao lưu {path} không có khóa máy trạm, và nhật ký thao tác của nó không bắt đầu bằng lần thiết lập thư mục dữ liệu này: có thể nó đến từ một máy trạm khác; chưa có gì thay đổi. Nếu bản sao lưu đúng là của đơn vị mình, hãy khôi phục vào một thư mục dữ liệu trống</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the backup does not open with the password of {user}: it was changed after the backup was made, or {user} was not a user then. Give the password valid then (--backup-password-file FILE; --backup-user NAME for another user of the backup)</source>
        <translation>không mở được bản sao lưu bằng mật khẩu của {user}: mật khẩu đã đổi sau khi sao lưu, hoặc lúc đó {user} chưa là người dùng. Hãy nhập mật khẩu có hiệu lực lúc sao lưu (--backup-password-file TỆP; --backup-user TÊN cho người dùng khác của bản sao lưu)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{user} is not an active user in this backup, so could not log in after the restore; restore it as an admin who was a user then</source>
        <translation>{user} không phải là người dùng đang hoạt động trong bản sao lưu này nên sẽ không đăng nhập được sau khi khôi phục; hãy khôi phục bằng một quản trị viên đã là người dùng lúc đó</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not enough free space in {path} to restore ({needed} MB needed, {free} MB free); nothing was changed. Free some space and try again</source>
        <translation>không đủ dung lượng trống trong {path} để khôi phục (cần {needed} MB, còn {free} MB); chưa có gì thay đổi. Hãy giải phóng dung lượng rồi thử lại</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the data folder {path} is set up: only one of its admins may restore a backup into it, logged in with their password of today; nothing was changed</source>
        <translation>thư mục dữ liệu {path} đã được thiết lập: chỉ quản trị viên của thư mục này, đăng nhập bằng mật khẩu hiện tại, mới được khôi phục bản sao lưu vào đó; chưa có gì thay đổi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a restore replaces today&apos;s {today} accident(s) by the backup&apos;s {backup}; nothing was changed. Check the backup shown above, then run the command again with --yes</source>
        <translation>khôi phục sẽ thay {today} vụ tai nạn hiện có bằng {backup} vụ của bản sao lưu; chưa có gì thay đổi. Hãy kiểm tra bản sao lưu ở trên, rồi chạy lại lệnh với --yes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup {path} changed since it was shown; nothing was changed. Look at it again</source>
        <translation>bản sao lưu {path} đã thay đổi kể từ khi được hiển thị; chưa có gì thay đổi. Hãy xem lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>today&apos;s data changed after it was shown ({shown_accidents} → {accidents} accident(s), {shown_incidents} → {incidents} incident(s), {shown_users} → {users} user(s)): another window or command saved meanwhile; nothing was changed. Look at the backup and today&apos;s data again, then confirm</source>
        <translation>dữ liệu hiện tại đã thay đổi sau khi được hiển thị ({shown_accidents} → {accidents} vụ tai nạn, {shown_incidents} → {incidents} sự cố, {shown_users} → {users} người dùng): một cửa sổ hoặc lệnh khác đã lưu trong lúc đó; chưa có gì thay đổi. Hãy xem lại bản sao lưu và dữ liệu hiện tại, rồi xác nhận</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the database {path} opens and is not damaged; nothing was changed. A backup is restored into it only by one of its admins, logged in, with: tnld restore FILE</source>
        <translation>cơ sở dữ liệu {path} mở được và không bị hỏng; không có gì thay đổi. Chỉ người quản trị của nó, sau khi đăng nhập, mới khôi phục được bản sao lưu vào đó, bằng lệnh: tnld restore TỆP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a restore had been cut short (a power cut or a crash) and is now completed: the data folder holds the backup, with the passwords that were valid when it was made</source>
        <translation>một lần khôi phục đã bị gián đoạn (mất điện hoặc sự cố) và nay đã hoàn tất: thư mục dữ liệu chứa bản sao lưu, với các mật khẩu có hiệu lực lúc tạo bản sao lưu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a restore had been cut short (a power cut or a crash) and is now completed: the data folder holds the backup. Log in with a password that was valid when the backup was made (or use the recovery code printed then)</source>
        <translation>một lần khôi phục đã bị gián đoạn (mất điện hoặc sự cố) và nay đã hoàn tất: thư mục dữ liệu chứa bản sao lưu. Hãy đăng nhập bằng mật khẩu có hiệu lực lúc tạo bản sao lưu (hoặc dùng mã khôi phục đã in lúc đó)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this workstation&apos;s keys cannot be opened; restore the latest backup</source>
        <translation>không mở được khóa của máy này; hãy khôi phục bản sao lưu mới nhất</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a valid TNLĐ key card ({reason}); ask the unit to write its card again with: tnld keys card</source>
        <translation>{path} không phải thẻ khóa TNLĐ hợp lệ ({reason}); đề nghị đơn vị đó ghi lại thẻ bằng lệnh: tnld keys card</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the key card {path} was written by a newer version of TNLĐ; install the newer version</source>
        <translation>thẻ khóa {path} được ghi bởi phiên bản TNLĐ mới hơn; hãy cài phiên bản mới hơn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is this workstation&apos;s own card; register the other unit&apos;s card</source>
        <translation>{path} là thẻ khóa của chính máy này; hãy đăng ký thẻ của đơn vị kia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key card {path} names unit {unit}, which is not in the administrative units list</source>
        <translation>thẻ khóa {path} ghi đơn vị {unit}, không có trong danh mục đơn vị hành chính</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is the card of commune {unit} {name}; a commune registers only its receiving office&apos;s card</source>
        <translation>{path} là thẻ khóa của xã {unit} {name}; xã chỉ đăng ký thẻ khóa của cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is the card of commune {unit} {name}, which is not in province {province} that this office covers</source>
        <translation>{path} là thẻ khóa của xã {unit} {name}, không thuộc tỉnh {province} mà cơ quan này phụ trách</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the key card {path} of unit {unit} was replaced by a newer card; it cannot be registered again</source>
        <translation>thẻ khóa {path} của đơn vị {unit} đã được thay bằng thẻ mới hơn; không thể đăng ký lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unit {unit} {name} is already registered with another key (fingerprint {old}); this card has {new}. Call the unit to confirm the new fingerprint, then an admin may register it with --replace</source>
        <translation>đơn vị {unit} {name} đã được đăng ký với một khóa khác (dấu vân tay khóa {old}); thẻ này có {new}. Hãy gọi điện cho đơn vị để xác nhận dấu vân tay khóa mới, sau đó quản trị viên mới được đăng ký thẻ bằng --replace</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>register key cards</source>
        <translation>đăng ký thẻ khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export bundles</source>
        <translation>xuất gói báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import bundles</source>
        <translation>nhập gói báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change settings</source>
        <translation>thay đổi cài đặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decide on duplicates</source>
        <translation>quyết định về trùng lặp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>settle the flags on a commune&apos;s bundles</source>
        <translation>xử lý các cảnh báo về chuỗi gói dữ liệu của xã</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no office key card is registered, and a bundle is never sent unencrypted: exchange key cards with the office first (tnld keys card, then tnld keys trust OFFICE.card after checking its fingerprint by phone). Nothing was written</source>
        <translation>chưa đăng ký thẻ khóa của cơ quan tiếp nhận, mà gói dữ liệu không bao giờ được gửi đi khi chưa mã hóa: hãy trao đổi thẻ khóa với cơ quan tiếp nhận trước (tnld keys card, rồi tnld keys trust TỆP_THẺ_CỦA_CƠ_QUAN.card sau khi đối chiếu dấu vân tay khóa qua điện thoại). Chưa ghi gì</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the period {period} runs until {end} and has no record yet: a report of &apos;nothing to report&apos; can only be sent once the period has ended. Nothing was written</source>
        <translation>kỳ {period} kéo dài đến hết ngày {end} và chưa có hồ sơ nào: báo cáo &apos;không có vụ việc&apos; chỉ được gửi khi kỳ đã kết thúc. Chưa ghi gì</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>several office cards are registered ({offices}); say which office the bundle is for with --to CODE</source>
        <translation>đã đăng ký thẻ khóa của nhiều cơ quan ({offices}); hãy chỉ rõ gói báo cáo gửi cơ quan nào bằng --to CODE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no registered office matches {value}; registered offices: {offices}</source>
        <translation>không có cơ quan đã đăng ký nào khớp với {value}; các cơ quan đã đăng ký: {offices}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is empty: it is not a bundle. Copy the file again from the sender</source>
        <translation>{path} rỗng: đây không phải gói báo cáo. Hãy chép lại tệp từ nơi gửi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is far larger than any bundle; it is not a TNLĐ bundle</source>
        <translation>{path} lớn hơn nhiều so với mọi gói báo cáo; đây không phải gói báo cáo TNLĐ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a TNLĐ bundle (not a zip archive), or it is truncated; copy it again from the sender</source>
        <translation>{path} không phải gói báo cáo TNLĐ (không phải tệp nén zip) hoặc bị cắt cụt; hãy chép lại từ nơi gửi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a zip archive but not a TNLĐ bundle</source>
        <translation>{path} là tệp nén zip nhưng không phải gói báo cáo TNLĐ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} holds more files than a bundle has; it was not made by TNLĐ. Refused</source>
        <translation>{path} chứa nhiều tệp hơn một gói báo cáo; tệp không do TNLĐ tạo ra. Đã từ chối</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} contains a file named {name}, with a folder or path in its name; refused as unsafe</source>
        <translation>{path} chứa tệp tên {name}, có thư mục hoặc đường dẫn trong tên; bị từ chối vì không an toàn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} contains the file {name} twice; refused as tampered</source>
        <translation>{path} chứa tệp {name} hai lần; bị từ chối vì đã bị can thiệp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} uses zip passwords ({name}), which TNLĐ bundles never do; refused</source>
        <translation>{path} dùng mật khẩu zip ({name}), điều mà gói báo cáo TNLĐ không bao giờ dùng; đã từ chối</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: the part {name} would unpack to a size no bundle has; refused without unpacking it</source>
        <translation>{path}: phần {name} khi giải nén sẽ lớn bất thường so với mọi gói báo cáo; đã từ chối mà không giải nén</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is damaged (the part {name} does not unpack); copy it again from the sender</source>
        <translation>{path} bị hỏng (không giải nén được phần {name}); hãy chép lại từ nơi gửi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is damaged: its manifest is not valid ({detail}); ask the sender to export it again</source>
        <translation>{path} bị hỏng: bản kê khai không hợp lệ ({detail}); đề nghị nơi gửi xuất lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is damaged: the signer&apos;s certificate is not valid</source>
        <translation>{path} bị hỏng: chứng thư của người ký không hợp lệ</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>the accident {value} is not recorded here; link only accidents of this register</source>
        <translation>vụ tai nạn {value} không được ghi ở đây; chỉ liên kết với các vụ tai nạn trong sổ này</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a key card, not a bundle; register it in Send ▸ Key cards</source>
        <translation>{path} là thẻ khóa, không phải gói dữ liệu; hãy đăng ký thẻ trong Gửi ▸ Thẻ khóa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a TNLĐ backup, not a bundle; an admin restores it in Admin ▸ Backup and restore</source>
        <translation>{path} là bản sao lưu TNLĐ, không phải gói dữ liệu; người quản trị khôi phục nó trong Quản trị ▸ Sao lưu và khôi phục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a TNLĐ bundle (a unit&apos;s report); it is imported by the office that receives it</source>
        <translation>{path} là gói dữ liệu TNLĐ (báo cáo của một đơn vị); gói này do cơ quan tiếp nhận nhập</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a receipt from an office; import it in Send ▸ Send to the office, under receipts</source>
        <translation>{path} là biên nhận của cơ quan tiếp nhận; hãy nhập nó trong Gửi ▸ Gửi cơ quan tiếp nhận, phần biên nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} holds records as JSON text, not a bundle; give the .tnld file the sender made</source>
        <translation>{path} chứa các bản ghi dạng văn bản JSON, không phải gói dữ liệu; hãy chọn tệp .tnld do bên gửi tạo ra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a JSON text file, not a bundle; give the .tnld file the sender made</source>
        <translation>{path} là tệp văn bản JSON, không phải gói dữ liệu; hãy chọn tệp .tnld do bên gửi tạo ra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a PDF, not a bundle; give the .tnld file the sender made</source>
        <translation>{path} là tệp PDF, không phải gói dữ liệu; hãy chọn tệp .tnld do bên gửi tạo ra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is an Excel workbook, not a bundle; give the .tnld file the sender made</source>
        <translation>{path} là bảng tính Excel, không phải gói dữ liệu; hãy chọn tệp .tnld do bên gửi tạo ra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the users table or its signature was changed outside TNLĐ; nothing was opened. Tell the office: the latest backup must be restored (automatic backups are kept in the data folder&apos;s backups folder)</source>
        <translation>bảng người dùng hoặc chữ ký của nó đã bị thay đổi bên ngoài TNLĐ; chưa mở gì cả. Hãy báo cơ quan tiếp nhận: cần khôi phục bản sao lưu mới nhất (các bản sao lưu tự động nằm trong thư mục backups của thư mục dữ liệu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the users table had been changed outside TNLĐ (users: {users}); the users were put back as an admin last saved them. Check who can use this computer in Admin ▸ Users</source>
        <translation>bảng người dùng đã bị thay đổi bên ngoài TNLĐ (người dùng: {users}); danh sách người dùng đã được đưa về như lần lưu cuối của người quản trị. Hãy kiểm tra những ai được dùng máy này trong Quản trị ▸ Người dùng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the user {user} is disabled, and the recovery code does not let a disabled user in; an admin can enable them again in Admin ▸ Users</source>
        <translation>người dùng {user} đã bị vô hiệu hóa, và mã khôi phục không cho người dùng bị vô hiệu hóa đăng nhập; người quản trị có thể kích hoạt lại trong Quản trị ▸ Người dùng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a change of the database key had been cut short and is now finished; its new recovery code may never have been printed: an admin should make a new one in Admin ▸ Users</source>
        <translation>một lần đổi khóa cơ sở dữ liệu đã bị gián đoạn và nay đã hoàn tất; mã khôi phục mới của lần đó có thể chưa được in: người quản trị cần tạo mã mới trong Quản trị ▸ Người dùng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this workstation&apos;s recovery code was made before the admin key existed and does not bring it back; an admin should print a new recovery code in Admin ▸ Users</source>
        <translation>mã khôi phục của máy này được tạo trước khi có khóa quản trị nên không khôi phục được khóa đó; người quản trị cần in mã khôi phục mới trong Quản trị ▸ Người dùng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the user {user} is disabled; enable them with a new password (Admin ▸ Users, Enable)</source>
        <translation>người dùng {user} đã bị vô hiệu hóa; hãy kích hoạt lại với mật khẩu mới (Quản trị ▸ Người dùng, Kích hoạt lại)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the database file {path} is missing or empty, though this folder was set up; nothing was created in its place. Tell the office: the latest backup must be restored (automatic backups are kept in the data folder&apos;s backups folder)</source>
        <translation>tệp cơ sở dữ liệu {path} bị mất hoặc trống dù thư mục này đã được thiết lập; chương trình không tạo tệp mới thay thế. Hãy báo cơ quan tiếp nhận: cần khôi phục bản sao lưu mới nhất (các bản sao lưu tự động nằm trong thư mục backups của thư mục dữ liệu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is not a TNLĐ data folder (its key file keys.json is missing); choose the right folder</source>
        <translation>{path} không phải là thư mục dữ liệu TNLĐ (thiếu tệp khóa keys.json); hãy chọn đúng thư mục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the database is damaged ({reason}); tell the office: the latest backup must be restored (automatic backups are kept in the data folder&apos;s backups folder)</source>
        <translation>cơ sở dữ liệu bị hỏng ({reason}); hãy báo cơ quan tiếp nhận: cần khôi phục bản sao lưu mới nhất (các bản sao lưu tự động nằm trong thư mục backups của thư mục dữ liệu)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database {path} opens and is not damaged; nothing was changed. A backup is restored into it only by one of its admins, logged in (Admin ▸ Backup and restore)</source>
        <translation>cơ sở dữ liệu {path} mở được và không bị hỏng; không có gì thay đổi. Chỉ người quản trị của nó, sau khi đăng nhập, mới khôi phục được bản sao lưu vào đó (Quản trị ▸ Sao lưu và khôi phục)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a valid TNLĐ key card ({reason}); ask the unit to save its key card again</source>
        <translation>{path} không phải là thẻ khóa TNLĐ hợp lệ ({reason}); hãy đề nghị đơn vị đó lưu lại thẻ khóa của họ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no office key card is registered, and a bundle is never sent unencrypted: exchange key cards with the office first (Send ▸ Key cards: save this workstation&apos;s card for the office, and register the office&apos;s card after checking its fingerprint by phone). Nothing was written</source>
        <translation>chưa đăng ký thẻ khóa của cơ quan tiếp nhận, và gói dữ liệu không bao giờ được gửi khi chưa mã hóa: trước tiên hãy trao đổi thẻ khóa với cơ quan tiếp nhận (Gửi ▸ Thẻ khóa: lưu thẻ của máy này để gửi cơ quan tiếp nhận, và đăng ký thẻ của cơ quan tiếp nhận sau khi đối chiếu dấu vân tay khóa qua điện thoại). Chưa ghi tệp nào</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is signed by {unit} {name} with a key this workstation does not know (fingerprint {fingerprint}). Register the unit&apos;s key card first (Send ▸ Key cards), after checking the fingerprint by phone</source>
        <translation>{path} được ký bởi {unit} {name} bằng một khóa mà máy này chưa biết (dấu vân tay khóa {fingerprint}). Hãy đăng ký thẻ khóa của đơn vị đó trước (Gửi ▸ Thẻ khóa), sau khi đối chiếu dấu vân tay khóa qua điện thoại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the abbreviation of {name} in document numbers (as SNV in …/BC-SNV) is not known; an admin sets it in Admin ▸ Settings</source>
        <translation>chưa biết tên viết tắt của {name} trong số văn bản (như SNV trong …/BC-SNV); người quản trị đặt tên này trong Quản trị ▸ Cài đặt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>it does not exist (was the USB stick taken out?)</source>
        <translation>tệp hoặc thư mục không tồn tại (USB đã bị rút ra?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user account logged in to this computer may not use it</source>
        <translation>tài khoản đang đăng nhập máy tính này không được phép dùng tệp đó</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>a part of the database file is damaged</source>
        <translation>một phần của tệp cơ sở dữ liệu bị hỏng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database file is cut short</source>
        <translation>tệp cơ sở dữ liệu bị cắt cụt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the text is not well formed</source>
        <translation>nội dung viết sai cú pháp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the path leads round in a circle (a broken shortcut?)</source>
        <translation>đường dẫn bị vòng lặp (lối tắt bị hỏng?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>admin</source>
        <translation>quản trị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clerk</source>
        <translation>nhân viên nhập liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>viewer</source>
        <translation>người xem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer active</source>
        <translation>không còn hoạt động</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>another program is using it; close that program and try again</source>
        <translation>một chương trình khác đang dùng tệp đó; hãy đóng chương trình đó rồi thử lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is read-only (is the USB stick write-protected?)</source>
        <translation>ổ đĩa chỉ cho đọc (USB có đang bật khóa chống ghi không?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a folder, not a file</source>
        <translation>đó là thư mục, không phải tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a part of the path is not a folder</source>
        <translation>một phần của đường dẫn không phải là thư mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it exists already</source>
        <translation>tệp đã có sẵn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk could not be read or written (a damaged or loose USB stick?)</source>
        <translation>không đọc hoặc ghi được ổ đĩa (USB bị hỏng hoặc cắm lỏng?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name or the path is too long</source>
        <translation>tên hoặc đường dẫn quá dài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the name is not allowed on this disk</source>
        <translation>tên này không được phép trên ổ đĩa này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is gone (was the USB stick taken out?)</source>
        <translation>không còn thấy ổ đĩa (USB đã bị rút ra?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too many files are open; close some programs</source>
        <translation>đang mở quá nhiều tệp; hãy đóng bớt một số chương trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system refused (error {number})</source>
        <translation>hệ thống từ chối (lỗi {number})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is empty</source>
        <translation>tệp trống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is far too large for this kind of file</source>
        <translation>tệp quá lớn so với loại tệp này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not readable text of this kind (damaged or another file)</source>
        <translation>nội dung không đọc được như loại tệp này (bị hỏng hoặc là tệp khác)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is nested far too deeply (damaged or made to harm)</source>
        <translation>nội dung lồng nhau quá sâu (bị hỏng hoặc cố ý gây hại)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not text (damaged or another kind of file)</source>
        <translation>không phải là văn bản (bị hỏng hoặc là loại tệp khác)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a packed (zip) file, or it is cut short</source>
        <translation>không phải là tệp nén (zip), hoặc tệp bị cắt cụt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its packed content is damaged or cut short</source>
        <translation>nội dung nén bị hỏng hoặc bị cắt cụt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it holds other files than a backup does ({names})</source>
        <translation>tệp chứa những tệp khác với một bản sao lưu ({names})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a part of it is far too large</source>
        <translation>một phần của tệp quá lớn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it has no TNLĐ label</source>
        <translation>tệp không có nhãn TNLĐ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its content does not match its checksum</source>
        <translation>nội dung không khớp với mã kiểm tra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its signature cannot be read</source>
        <translation>không đọc được chữ ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its signature does not match its label</source>
        <translation>chữ ký không khớp với nhãn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its key file: {reason}</source>
        <translation>tệp khóa bên trong: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its database is not consistent</source>
        <translation>cơ sở dữ liệu bên trong không nhất quán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the workstation&apos;s certificate in it is not valid</source>
        <translation>chứng thư của máy trạm bên trong không hợp lệ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the role on its label differs from its database&apos;s</source>
        <translation>vai trò ghi trên nhãn khác với vai trò trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the counts on its label differ from its database&apos;s</source>
        <translation>số lượng ghi trên nhãn khác với số lượng trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is signed with a key other than the workstation&apos;s in its database</source>
        <translation>được ký bằng một khóa khác với khóa của máy trạm trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a TNLĐ key card</source>
        <translation>không phải là thẻ khóa TNLĐ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its certificate is not valid</source>
        <translation>chứng thư không hợp lệ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the card&apos;s unit does not match its certificate</source>
        <translation>đơn vị ghi trên thẻ không khớp với chứng thư</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a TNLĐ key file</source>
        <translation>không phải là tệp khóa TNLĐ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it holds no keys</source>
        <translation>tệp không chứa khóa nào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an entry in it is not valid (for whoever supports TNLĐ: {detail})</source>
        <translation>có một mục không hợp lệ (thông tin cho người hỗ trợ TNLĐ: {detail})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its version ({version}) is not one this program knows</source>
        <translation>phiên bản ({version}) không phải là phiên bản chương trình này biết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a file</source>
        <translation>{name} không phải là tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file cannot be opened as this workstation&apos;s encrypted database</source>
        <translation>không mở được tệp như cơ sở dữ liệu đã mã hóa của máy này</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the workstation&apos;s role, unit or unit name was changed outside TNLĐ</source>
        <translation>vai trò, mã đơn vị hoặc tên đơn vị của máy này đã bị thay đổi bên ngoài TNLĐ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a PDF, or it is damaged</source>
        <translation>không phải là tệp PDF, hoặc tệp bị hỏng</translation>
    </message>
    <message>
        <location line="-324"/>
        <source>{path} was changed after it was signed (the signature does not match); refused. Ask the sender for the file again</source>
        <translation>{path} đã bị thay đổi sau khi ký số (chữ ký không khớp); đã từ chối. Đề nghị nơi gửi gửi lại tệp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is incomplete: the part {name} is missing; copy it again from the sender</source>
        <translation>{path} không đầy đủ: thiếu phần {name}; hãy chép lại từ nơi gửi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} contains {name}, which its manifest does not list; refused as tampered</source>
        <translation>{path} chứa {name}, không có trong bản kê khai; bị từ chối vì đã bị can thiệp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: the part {name} does not match the signed manifest (changed or damaged); refused</source>
        <translation>{path}: phần {name} không khớp với bản kê khai đã ký (bị thay đổi hoặc hỏng); đã từ chối</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} does not decrypt with this office&apos;s key although it is addressed to it; the file is damaged</source>
        <translation>{path} được gửi cho cơ quan này nhưng không giải mã được bằng khóa của cơ quan; tệp bị hỏng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} has the id of a bundle already imported but other content; refused. Ask the sender</source>
        <translation>{path} có mã của một gói báo cáo đã nhập nhưng nội dung khác; đã từ chối. Hãy hỏi lại nơi gửi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} was altered: its bytes differ from what TNLĐ writes for this content; refused. Copy it again from the sender</source>
        <translation>{path} đã bị sửa đổi: nội dung tệp khác với những gì TNLĐ ghi cho dữ liệu này; đã từ chối. Hãy chép lại từ nơi gửi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: the field {field} is not valid ({reason}); refused. Ask the sender to export the file again</source>
        <translation>{path}: trường {field} không hợp lệ ({reason}); bị từ chối. Đề nghị bên gửi xuất lại tệp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is missing</source>
        <translation>trường này bị thiếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not valid JSON text in UTF-8</source>
        <translation>không phải văn bản JSON hợp lệ theo mã UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it has the wrong type</source>
        <translation>kiểu dữ liệu không đúng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the number is outside the range a bundle can have</source>
        <translation>số nằm ngoài phạm vi mà một gói dữ liệu có thể có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not written in the form the bundle format requires</source>
        <translation>không được ghi theo dạng mà định dạng gói dữ liệu quy định</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the value is not one this version of the format knows</source>
        <translation>giá trị không thuộc các giá trị mà phiên bản định dạng này biết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a key is written twice in it</source>
        <translation>có một khóa được ghi hai lần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it differs from the signer&apos;s certificate</source>
        <translation>khác với chứng thư của người ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a bundle of format 3 must be encrypted to the receiving office, and this one is not</source>
        <translation>gói dữ liệu định dạng 3 phải được mã hóa cho cơ quan tiếp nhận, nhưng gói này không được mã hóa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it must be empty for a workstation&apos;s first bundle, and only for it</source>
        <translation>chỉ để trống đối với gói đầu tiên của máy trạm, và chỉ đối với gói đó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a receipt is signed by an office</source>
        <translation>giấy biên nhận phải do cơ quan tiếp nhận ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it does not agree with the part&apos;s name and the bundle&apos;s encryption</source>
        <translation>không khớp với tên phần và với việc mã hóa của gói</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the parts are not the ones the format requires, in its order</source>
        <translation>các phần không đúng với các phần mà định dạng quy định, theo đúng thứ tự</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a commune&apos;s bundle includes no other bundle</source>
        <translation>gói dữ liệu của xã không chứa gói nào khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it does not match the signed manifest</source>
        <translation>không khớp với bản kê khai đã ký</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it differs from what the bundle&apos;s parts hold</source>
        <translation>khác với nội dung thực có trong các phần của gói</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it names another office than this one</source>
        <translation>ghi tên một cơ quan khác, không phải cơ quan này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} was made by a newer version of TNLĐ (bundle format {version}; this one reads up to {supported}); update the program</source>
        <translation>{path} được tạo bởi phiên bản TNLĐ mới hơn (định dạng gói {version}; phiên bản này đọc được đến {supported}); hãy cập nhật chương trình</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is signed by {unit} {name} with a key this workstation does not know (fingerprint {fingerprint}). Register the unit&apos;s key card first (tnld keys trust CARD), after checking the fingerprint by phone</source>
        <translation>{path} được ký số bởi {unit} {name} bằng một khóa mà máy này chưa biết (dấu vân tay khóa {fingerprint}). Hãy đăng ký thẻ khóa của đơn vị trước (tnld keys trust CARD), sau khi đối chiếu dấu vân tay khóa qua điện thoại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is signed in the name of {unit} {name} but with a NEW key (fingerprint {fingerprint}), not the registered one. Refused: call the unit; if they really changed computers, an admin registers their new card with --replace</source>
        <translation>{path} được ký số nhân danh {unit} {name} nhưng bằng một khóa MỚI (dấu vân tay khóa {fingerprint}), không phải khóa đã đăng ký. Đã từ chối: hãy gọi điện cho đơn vị; nếu đơn vị thật sự đã đổi máy tính, quản trị viên đăng ký thẻ mới bằng --replace</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is signed by an old key of {unit} {name} that was replaced (fingerprint {fingerprint}); ask the unit to export it again</source>
        <translation>{path} được ký số bằng khóa cũ đã bị thay thế của {unit} {name} (dấu vân tay khóa {fingerprint}); đề nghị đơn vị xuất lại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is encrypted for another office ({unit} {office}); it cannot be read here. Send it to that office</source>
        <translation>{path} được mã hóa cho cơ quan khác ({unit} {office}); không đọc được ở đây. Hãy gửi tệp đến cơ quan đó</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} comes from commune {unit}, which is not in province {province} that this office covers; refused</source>
        <translation>{path} đến từ xã {unit}, không thuộc tỉnh {province} mà cơ quan này phụ trách; đã từ chối</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} holds records that fail validation; the bundle was not imported. Ask the commune to correct them and export again</source>
        <translation>{path} có hồ sơ không hợp lệ; gói báo cáo chưa được nhập. Đề nghị xã sửa lại rồi xuất lại</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the record has no valid version number</source>
        <translation>hồ sơ không có số phiên bản hợp lệ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the record belongs to commune {value}, but the bundle was signed by commune {unit}</source>
        <translation>hồ sơ thuộc xã {value}, nhưng gói báo cáo được ký số bởi xã {unit}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the id {value} is used by an accident and by an incident of the bundle; one id is one record</source>
        <translation>mã {value} được dùng cho cả một vụ tai nạn và một sự cố trong gói; mỗi mã chỉ là một hồ sơ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the record belongs to commune {value}, whose bundle this office&apos;s bundle does not list</source>
        <translation>hồ sơ thuộc xã {value}, nhưng gói dữ liệu của cơ quan không liệt kê gói nào của xã đó</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the accident date {value} lies outside the bundle&apos;s period {period}</source>
        <translation>ngày xảy ra tai nạn {value} nằm ngoài kỳ {period} của gói dữ liệu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a commune bundle; a commune imports only receipts. Import bundles at the receiving office</source>
        <translation>{path} là gói báo cáo của xã; xã chỉ nhập biên nhận. Gói báo cáo được nhập tại cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no bundle (.tnld file) found in {paths}; give bundle files or a folder holding them</source>
        <translation>không tìm thấy gói báo cáo (tệp .tnld) trong {paths}; hãy chỉ ra các tệp gói báo cáo hoặc thư mục chứa chúng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cancelled; the {count} file(s) imported before the cancel were kept whole, the others changed nothing</source>
        <translation>đã hủy; {count} tệp đã nhập trước khi hủy được giữ nguyên vẹn, các tệp còn lại không làm thay đổi gì</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a receipt for a bundle this workstation did not send; nothing was changed</source>
        <translation>{path} là biên nhận cho một gói báo cáo mà máy này không gửi; không có gì thay đổi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is a bundle of format {version} signed by {unit} {name}, whose program already sent format 3: an older format from it is refused (it would escape the newer checks). Ask the commune to export again</source>
        <translation>{path} là gói dữ liệu định dạng {version} do {unit} {name} ký, trong khi chương trình của đơn vị này đã gửi gói định dạng 3: định dạng cũ hơn từ đơn vị này bị từ chối (vì sẽ tránh được các bước kiểm tra mới). Đề nghị xã xuất lại</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is a receipt signed by {unit} {name}, which is not the office the bundle was sent to; nothing was changed</source>
        <translation>{path} là giấy biên nhận do {unit} {name} ký, không phải cơ quan đã nhận gói dữ liệu; chưa thay đổi gì</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the date of receipt {date} is after today; give the day the USB stick arrived (dd/mm/yyyy)</source>
        <translation>ngày nhận {date} muộn hơn hôm nay; hãy ghi ngày USB đến cơ quan (dd/mm/yyyy)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is the report of {period}, which had not begun on {date}, the date of receipt given; check the date</source>
        <translation>{path} là báo cáo kỳ {period}, kỳ này chưa bắt đầu vào ngày nhận {date} đã ghi; hãy kiểm tra lại ngày</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is no setting {key}; the settings are: {keys}</source>
        <translation>không có mục cài đặt {key}; các mục cài đặt là: {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} is a number of days from 0 to 366 after the end of the period; got {value}</source>
        <translation>{key} là số ngày từ 0 đến 366 sau khi kết thúc kỳ; giá trị nhận được: {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not a phone number; write 10 or 11 digits starting with 0, for example 0205 3812 345</source>
        <translation>{value} không phải là số điện thoại; hãy viết 10 hoặc 11 chữ số bắt đầu bằng 0, ví dụ 0205 3812 345</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{key} must be a text of 1 to 200 characters</source>
        <translation>{key} phải là chuỗi ký tự dài từ 1 đến 200 ký tự</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} is on or off; got {value}</source>
        <translation>{key} chỉ nhận on (bật) hoặc off (tắt); giá trị đã nhập là {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print the annex (causes, factors, lists, incidents) after the periodic report: on or off</source>
        <translation>in phụ lục (nguyên nhân, yếu tố gây chấn thương, danh sách, sự cố) sau báo cáo định kỳ: on (bật) hoặc off (tắt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>who signs the printed reports (the chairman, or the head of the office)</source>
        <translation>người ký các báo cáo in ra (chủ tịch, hoặc thủ trưởng cơ quan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the line above the signer&apos;s title (default: TM. ỦY BAN NHÂN DÂN, or KT. GIÁM ĐỐC at an office; - for none)</source>
        <translation>dòng trên chức danh người ký (mặc định: TM. ỦY BAN NHÂN DÂN, hoặc KT. GIÁM ĐỐC tại cơ quan tiếp nhận; - để không in dòng này)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the signer&apos;s title (default: CHỦ TỊCH, or PHÓ GIÁM ĐỐC at an office)</source>
        <translation>chức danh người ký (mặc định: CHỦ TỊCH, hoặc PHÓ GIÁM ĐỐC tại cơ quan tiếp nhận)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the office&apos;s abbreviation in document numbers, as in …/BC-SNV (derived from its name when unset)</source>
        <translation>chữ viết tắt tên cơ quan trong số văn bản, như …/BC-SNV (khi chưa đặt thì lấy từ tên cơ quan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>who reports in the quick report (default: the signer)</source>
        <translation>người báo cáo ghi trong báo cáo nhanh (mặc định: người ký)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the phone number printed in the quick report</source>
        <translation>số điện thoại in trong báo cáo nhanh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days after 30 June by which the half-year report is due</source>
        <translation>số ngày sau 30 tháng 6 là hạn nộp báo cáo 6 tháng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days after 31 December by which the year&apos;s report is due</source>
        <translation>số ngày sau 31 tháng 12 là hạn nộp báo cáo năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days after the end of a quarter by which its report is due</source>
        <translation>số ngày sau khi kết thúc quý là hạn nộp báo cáo quý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days after the end of a month by which its report is due</source>
        <translation>số ngày sau khi kết thúc tháng là hạn nộp báo cáo tháng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no report kind {value}; use one of: {kinds}</source>
        <translation>không có loại báo cáo {value}; hãy dùng một trong: {kinds}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accident {id} has no death and fewer than two seriously injured; a quick report is not required</source>
        <translation>vụ tai nạn {id} không có người chết và có ít hơn hai người bị thương nặng; không phải lập báo cáo nhanh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the accident {id} is void; no form is printed for a void record</source>
        <translation>vụ tai nạn {id} đã bị hủy; không in biểu mẫu cho bản ghi đã hủy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this report is of a period; add --period, for example --period 2026-H1</source>
        <translation>báo cáo này lập theo kỳ; hãy thêm --period, ví dụ --period 2026-H1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this form is of one accident; add --id with the id shown by tnld list</source>
        <translation>biểu mẫu này lập cho một vụ tai nạn; hãy thêm --id với mã hiện trong tnld list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--format {format} does not match the file name {name} (a {extension} file); change one of them</source>
        <translation>--format {format} không khớp với tên tệp {name} (tệp {extension}); hãy sửa một trong hai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file name {name} does not end with the report&apos;s format; end it with {extensions}</source>
        <translation>tên tệp {name} không có đuôi đúng với định dạng của báo cáo; hãy đặt đuôi tệp là {extensions}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the abbreviation of {name} in document numbers (as SNV in …/BC-SNV) is not known; set it with: tnld settings set office_abbreviation ABBREVIATION</source>
        <translation>chưa biết chữ viết tắt của {name} trong số văn bản (như SNV trong …/BC-SNV); hãy đặt bằng lệnh: tnld settings set office_abbreviation CHỮ_VIẾT_TẮT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a notice of a period&apos;s accidents is posted by a commune&apos;s People&apos;s Committee: add --unit with the commune&apos;s code to print that commune&apos;s notice, or --id to print the notice of one accident</source>
        <translation>thông báo niêm yết các vụ tai nạn của một kỳ là văn bản do Ủy ban nhân dân xã niêm yết: hãy thêm --unit với mã xã để in thông báo của xã đó, hoặc --id để in thông báo của một vụ tai nạn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{option} does not apply to --kind {kind} (with --id, a form is of that one accident, not of a period; --with-identifiers is for the line list); leave it out</source>
        <translation>{option} không dùng được với --kind {kind} (khi có --id, biểu mẫu là của riêng vụ tai nạn đó, không phải của một kỳ; --with-identifiers chỉ dùng cho danh sách chi tiết); hãy bỏ tùy chọn này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the period {period} begins on {start}, after today: nothing can be reported for it yet; choose a period that has begun</source>
        <translation>kỳ {period} bắt đầu từ ngày {start}, sau ngày hôm nay: chưa thể báo cáo gì cho kỳ này; hãy chọn một kỳ đã bắt đầu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not a commune of this office&apos;s province; give the code of one of its communes</source>
        <translation>{value} không phải là xã thuộc tỉnh do cơ quan này phụ trách; hãy ghi mã của một xã trong tỉnh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--unit is only for the notice of a period printed at an office; leave it out</source>
        <translation>--unit chỉ dùng cho thông báo niêm yết của một kỳ in tại cơ quan tiếp nhận; hãy bỏ tùy chọn này</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no victim of accident {id} holds voluntary accident insurance; the declaration form is for insured victims (mark the victim as insured first if they are)</source>
        <translation>không có người bị nạn nào của vụ {id} tham gia bảo hiểm tai nạn lao động tự nguyện; tờ khai chỉ dành cho người có bảo hiểm (nếu người bị nạn có tham gia, hãy ghi nhận điều đó trong hồ sơ trước)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this report cannot be written as {value}; use one of: {formats}</source>
        <translation>không thể ghi báo cáo này dưới dạng {value}; hãy dùng một trong: {formats}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a readable PDF ({reason})</source>
        <translation>{path} không phải tệp PDF đọc được ({reason})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} carries no signature; it was not made by TNLĐ, or was printed again</source>
        <translation>{path} không có chữ ký số; tệp không do TNLĐ tạo ra, hoặc đã được in/lưu lại thành tệp khác</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no victim {value}; write victims as ACCIDENT_ID/N as tnld duplicates shows them</source>
        <translation>không có nạn nhân {value}; hãy ghi nạn nhân dạng ACCIDENT_ID/N như lệnh tnld duplicates hiển thị</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the decision must be &apos;same&apos; or &apos;different&apos;, not {value}</source>
        <translation>quyết định phải là &apos;same&apos; (cùng một người) hoặc &apos;different&apos; (khác người), không phải {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{a} and {b} are victims of the same accident, not a duplicate pair</source>
        <translation>{a} và {b} là nạn nhân của cùng một vụ tai nạn, không phải cặp trùng lặp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no flag {value}; tnld conflicts lists the flags with their numbers</source>
        <translation>không có cảnh báo số {value}; lệnh tnld conflicts liệt kê các cảnh báo kèm số của chúng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flag {id} was already settled by {user} at {time}; nothing was changed</source>
        <translation>cảnh báo {id} đã được {user} xử lý lúc {time}; chưa thay đổi gì</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>say what was found and done: add --note &quot;…&quot; (for example --note &quot;called the commune: they restored a backup&quot;)</source>
        <translation>hãy ghi điều đã tìm hiểu và đã làm: thêm --note &quot;…&quot; (ví dụ --note &quot;đã gọi cho xã: xã đã khôi phục bản sao lưu&quot;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the note must be a text of 1 to {limit} characters</source>
        <translation>ghi chú phải là văn bản dài từ 1 đến {limit} ký tự</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>say why the record is void: add --reason &quot;…&quot; (for example --reason &quot;entered twice&quot;)</source>
        <translation>hãy nêu lý do hủy hồ sơ: thêm --reason &quot;…&quot; (ví dụ --reason &quot;nhập trùng&quot;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the reason for voiding must be a text of 1 to {limit} characters</source>
        <translation>lý do hủy phải là một đoạn văn bản dài từ 1 đến {limit} ký tự</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no accident with id {value}</source>
        <translation>không có vụ tai nạn nào có id {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not saved: this accident was changed elsewhere since you opened it (now version {version}, by {by}). Nothing was changed; close the form, open the accident again and make your change there</source>
        <translation>chưa lưu: vụ tai nạn này đã được sửa ở nơi khác sau khi bạn mở nó (nay là phiên bản {version}, do {by} lưu). Chưa có gì thay đổi; hãy đóng biểu mẫu, mở lại vụ tai nạn rồi sửa ở đó</translation>
    </message>
</context>
<context>
    <name>ObligationsModel</name>
    <message>
        <location filename="../app/ui/obligations_panel.py" line="+47"/>
        <source>Obligation</source>
        <translation>Nghĩa vụ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accident</source>
        <translation>Vụ tai nạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{date} (overdue)</source>
        <translation>{date} (quá hạn)</translation>
    </message>
</context>
<context>
    <name>ObligationsPanel</name>
    <message>
        <location line="+33"/>
        <source>Obligations due</source>
        <translation>Nghĩa vụ đến hạn</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{overdue} overdue among the first {shown} of {total}</source>
        <translation>{overdue} quá hạn trong {shown} nghĩa vụ đầu tiên (tổng số {total})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{total} not done, {overdue} overdue</source>
        <translation>{total} nghĩa vụ chưa thực hiện, {overdue} quá hạn</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../app/ui/admin_dialogs.py" line="-795"/>
        <source>Add a user</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set a new password for {user}</source>
        <translation>Đặt mật khẩu mới cho {user}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable {user} with a new password</source>
        <translation>Kích hoạt lại {user} với mật khẩu mới</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The old password may be known to someone else</source>
        <translation>Mật khẩu cũ có thể đã bị người khác biết</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name:</source>
        <translation>Tên người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current password:</source>
        <translation>Mật khẩu hiện tại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type it again:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A good password has at least 10 characters: a few words that only you would put together. Not a common password, a run of keys like 1234567890, your user name or the unit&apos;s name.</source>
        <translation>Mật khẩu tốt có ít nhất 10 ký tự: vài từ ghép lại mà chỉ bạn nghĩ ra. Không dùng mật khẩu phổ biến, dãy phím liền nhau như 1234567890, tên người dùng hoặc tên đơn vị.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Then the database gets a new key, so that the old password opens nothing, and a new recovery code to print. This takes a moment.</source>
        <translation>Khi đó cơ sở dữ liệu sẽ được đổi khóa mới để mật khẩu cũ không mở được gì, và có mã khôi phục mới cần in. Việc này mất một lát.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Type your current password.</source>
        <translation>Hãy nhập mật khẩu hiện tại của bạn.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../app/ui/report_dialog.py" line="+39"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Half {n}</source>
        <translation>Nửa năm {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quarter {n}</source>
        <translation>Quý {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month {n}</source>
        <translation>Tháng {n}</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../app/ui/preview_dialog.py" line="-201"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành P&amp;DF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as &amp;Excel…</source>
        <translation>Lưu thành &amp;Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;width</source>
        <translation>Vừa &amp;chiều rộng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preparing the document…</source>
        <translation>Đang chuẩn bị văn bản…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: the signer&apos;s name is not set: the signature block is left blank, to sign and write the name by hand. An admin sets it in Settings.</source>
        <translation>Lưu ý: chưa đặt họ tên người ký nên phần chữ ký để trống, để ký và ghi tên bằng tay. Quản trị viên đặt họ tên người ký trong Cài đặt.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>This report has no printed form: save it as Excel.</source>
        <translation>Báo cáo này không có mẫu in: hãy lưu thành Excel.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{count} page(s)</source>
        <translation>{count} trang</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save as Excel</source>
        <translation>Lưu thành Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writing the Excel file…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <location filename="../app/ui/qt_texts.py" line="+51"/>
        <source>&amp;Select All</source>
        <translation>Chọn &amp;tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step up</source>
        <translation>Tăng lê&amp;n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm xuống</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="-9"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <location line="+68"/>
        <source>Paper</source>
        <translation>Giấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page size:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width:</source>
        <translation>Chiều rộng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height:</source>
        <translation>Chiều cao:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper source:</source>
        <translation>Nguồn giấy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation</source>
        <translation>Hướng giấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>Dọc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscape</source>
        <translation>Ngang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse landscape</source>
        <translation>Ngang ngược</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse portrait</source>
        <translation>Dọc ngược</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Margins</source>
        <translation>Lề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page Layout</source>
        <translation>Bố cục trang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Millimeters (mm)</source>
        <translation>Milimét (mm)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-110"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>Khôn&amp;g với tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <location line="+42"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Options &gt;&gt;</source>
        <translation>Tùy &amp;chọn &gt;&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Options &lt;&lt;</source>
        <translation>Tùy &amp;chọn &lt;&lt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print to File (PDF)</source>
        <translation>In ra tệp (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local file</source>
        <translation>Tệp trên máy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write PDF file</source>
        <translation>Ghi tệp PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Pages</source>
        <translation>Tất cả các trang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Odd Pages</source>
        <translation>Trang lẻ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Even Pages</source>
        <translation>Trang chẵn</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <location line="+43"/>
        <source>Page Setup</source>
        <translation>Thiết lập trang</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location line="-35"/>
        <source>Print range</source>
        <translation>Phạm vi in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print all</source>
        <translation>In tất cả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages from</source>
        <translation>Các trang từ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current Page</source>
        <translation>Trang hiện tại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection</source>
        <translation>Phần đã chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page &amp;Set:</source>
        <translation>&amp;Nhóm trang:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output Settings</source>
        <translation>Cài đặt đầu ra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies:</source>
        <translation>Số bản:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collate</source>
        <translation>In theo bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse</source>
        <translation>Đảo ngược thứ tự</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Color Mode</source>
        <translation>Chế độ màu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Color</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grayscale</source>
        <translation>Thang độ xám</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double Sided Printing</source>
        <translation>In hai mặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long side binding</source>
        <translation>Đóng gáy cạnh dài</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short side binding</source>
        <translation>Đóng gáy cạnh ngắn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Tùy chọn</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <location line="-27"/>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;roperties</source>
        <translation>Thuộc tín&amp;h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location:</source>
        <translation>Vị trí:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output &amp;file:</source>
        <translation>Tệp đầu &amp;ra:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location line="-57"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="+19"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ liên &amp;kết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location line="+5"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../app/ui/accident_form.py" line="-42"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../app/ui/admin_dialogs.py" line="+39"/>
        <source>New recovery code</source>
        <translation>Mã khôi phục mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database has a new key: old copies of the key file and old passwords no longer open it. Here is the new recovery code, shown only now. Print it or write it down and keep it locked away; the old recovery code no longer works.</source>
        <translation>Cơ sở dữ liệu đã có khóa mới: các bản sao cũ của tệp khóa và mật khẩu cũ không còn mở được nữa. Đây là mã khôi phục mới, chỉ hiện một lần này. Hãy in hoặc chép lại và cất giữ ở nơi an toàn, có khóa; mã khôi phục cũ không còn dùng được.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>These users had not logged in since TNLĐ was updated and can no longer log in: {names}. Set a new password for each.</source>
        <translation>Những người dùng sau chưa đăng nhập kể từ khi TNLĐ được cập nhật và nay không đăng nhập được nữa: {names}. Hãy đặt mật khẩu mới cho từng người.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I have written it down</source>
        <translation>Tôi đã chép lại mã</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>TNLĐ recovery code</source>
        <translation>Mã khôi phục TNLĐ</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../app/ui/login_dialog.py" line="+40"/>
        <source>TNLĐ — New password with the recovery code</source>
        <translation>TNLĐ — Đặt mật khẩu mới bằng mã khôi phục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the recovery code printed when this computer was set up, the user name, and a new password twice.</source>
        <translation>Hãy nhập mã khôi phục đã in khi thiết lập máy tính này, tên người dùng và mật khẩu mới hai lần.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Recovery &amp;code:</source>
        <translation>Mã &amp;khôi phục:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Tên người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Again:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Set the new password</source>
        <translation>&amp;Lưu mật khẩu mới</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Type the recovery code.</source>
        <translation>Hãy nhập mã khôi phục.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your user name.</source>
        <translation>Hãy nhập tên người dùng.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the new password twice.</source>
        <translation>Hãy nhập mật khẩu mới hai lần.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The password of {user} has been changed. Log in with the new password.</source>
        <translation>Đã đổi mật khẩu của {user}. Hãy đăng nhập bằng mật khẩu mới.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../app/ui/report_dialog.py" line="+26"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Periodic report</source>
        <translation>Báo cáo định kỳ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Register of accidents</source>
        <translation>Sổ theo dõi tai nạn lao động</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line list (Excel)</source>
        <translation>Danh sách chi tiết (Excel)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Report:</source>
        <translation>&amp;Báo cáo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;view…</source>
        <translation>&amp;Xem trước…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save as &amp;Excel…</source>
        <translation>Lưu thành &amp;Excel…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{report}, {period}</source>
        <translation>{report}, {period}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save as Excel</source>
        <translation>Lưu thành Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing the Excel file…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <location filename="../app/ui/wizard.py" line="+22"/>
        <source>Restore a backup of another computer</source>
        <translation>Khôi phục bản sao lưu của máy tính khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the backup file (.tnldbak) made on the old computer, and type the user name and password of an admin as they were when it was made. Afterwards, stop using TNLĐ on the old computer: both would send reports as the same workstation.</source>
        <translation>Hãy chọn tệp sao lưu (.tnldbak) tạo trên máy tính cũ, rồi gõ tên người dùng và mật khẩu của một người quản trị như lúc tạo bản sao lưu. Sau đó, thôi dùng TNLĐ trên máy cũ: nếu không, cả hai máy sẽ gửi báo cáo như cùng một máy trạm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Choose the backup file…</source>
        <translation>&amp;Chọn tệp sao lưu…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No file chosen yet.</source>
        <translation>Chưa chọn tệp nào.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Open the backup</source>
        <translation>&amp;Mở bản sao lưu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup:</source>
        <translation>Bản sao lưu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User name:</source>
        <translation>&amp;Tên người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The backup of the old computer</source>
        <translation>Bản sao lưu của máy tính cũ</translation>
    </message>
</context>
<context>
    <name>RestoredPage</name>
    <message>
        <location line="+48"/>
        <source>The backup is restored</source>
        <translation>Đã khôi phục bản sao lưu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The data folder {folder} now holds the backup.</source>
        <translation>Thư mục dữ liệu {folder} giờ chứa dữ liệu của bản sao lưu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in with the user names and passwords that were valid when the backup was made. The recovery code printed for the old computer is valid here too.</source>
        <translation>Hãy đăng nhập bằng tên người dùng và mật khẩu còn hiệu lực lúc tạo bản sao lưu. Mã khôi phục đã in cho máy tính cũ cũng dùng được ở đây.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../app/ui/admin_dialogs.py" line="-72"/>
        <source>Role of {user}</source>
        <translation>Vai trò của {user}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An admin manages users, keys and settings; a clerk enters, edits and sends records; a viewer reads and prints. Taking the admin role away gives the database a new key.</source>
        <translation>Quản trị viên quản lý người dùng, khóa và cài đặt; nhân viên nhập liệu nhập, sửa và gửi hồ sơ; người xem chỉ xem và in. Bỏ vai trò quản trị của một người sẽ làm cơ sở dữ liệu được đổi khóa mới.</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../app/ui/wizard.py" line="-554"/>
        <source>What is this computer for?</source>
        <translation>Máy tính này dùng để làm gì?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose once; the data folder keeps this role.</source>
        <translation>Chỉ chọn một lần; thư mục dữ liệu sẽ giữ vai trò này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &amp;commune (xã, phường): records the accidents of its people and sends its reports to the office</source>
        <translation>&amp;Xã (xã, phường, đặc khu): ghi nhận các vụ tai nạn lao động của người dân trên địa bàn và gửi báo cáo đến cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An &amp;office (Sở Nội vụ of a province): receives the communes&apos; reports and consolidates them</source>
        <translation>&amp;Cơ quan tiếp nhận (Sở Nội vụ của tỉnh): nhận báo cáo của các xã và tổng hợp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore from a backup of another computer… (moving to a new computer: the data, users and passwords come back as they were)</source>
        <translation>&amp;Khôi phục từ bản sao lưu của máy tính khác… (chuyển sang máy mới: dữ liệu, người dùng và mật khẩu trở lại như cũ)</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../app/ui/send_dialog.py" line="+62"/>
        <source>Send to the office</source>
        <translation>Gửi cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Send a period</source>
        <translation>&amp;Gửi một kỳ báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Receipts from the office</source>
        <translation>&amp;Biên nhận từ cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+207"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location line="-207"/>
        <location line="+207"/>
        <source>Made on</source>
        <translation>Ngày lập</translation>
    </message>
    <message>
        <location line="-207"/>
        <location line="+208"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="-207"/>
        <location line="+207"/>
        <source>Records</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <location line="-207"/>
        <location line="+207"/>
        <source>Receipt</source>
        <translation>Biên nhận</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+131"/>
        <source>Choose the USB stick or folder</source>
        <translation>Chọn USB hoặc thư mục</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Written</source>
        <translation>Đã ghi</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>C&amp;opy</source>
        <translation>Sa&amp;o chép</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Dung lượng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:</source>
        <translation>Dấu vân tay khóa:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Thư mục:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sent before for this period:</source>
        <translation>Đã gửi trước đây cho kỳ này:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing is recorded in {period}: a NIL report (no accident) will be sent.</source>
        <translation>Không có vụ nào được ghi trong {period}: sẽ gửi báo cáo không có vụ nào.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{accidents} accident(s) with {victims} victim(s) ({voids} voided), {incidents} serious technical incident(s).</source>
        <translation>{accidents} vụ tai nạn với {victims} người bị nạn ({voids} vụ đã hủy), {incidents} sự cố kỹ thuật nghiêm trọng.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New: {new}; changed since they were sent: {changed}; already sent as they are: {sent}.</source>
        <translation>Mới: {new}; đã sửa sau khi gửi: {changed}; đã gửi và không đổi: {sent}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: the period has not ended: this would be an interim report; send the period again after it ends.</source>
        <translation>Cảnh báo: kỳ báo cáo chưa kết thúc: đây sẽ là báo cáo tạm thời; hãy gửi lại kỳ này sau khi kỳ kết thúc.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed and encrypted for {unit} {name}: only that office can read it.</source>
        <translation>Đã ký số và mã hóa cho {unit} {name}: chỉ cơ quan đó đọc được.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot send yet: {reason}</source>
        <translation>Chưa gửi được: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>NIL</source>
        <translation>Không có vụ nào</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirmed on {day}</source>
        <translation>Đã xác nhận ngày {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the receipt</source>
        <translation>Đang chờ biên nhận</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Writing the bundle…</source>
        <translation>Đang ghi gói dữ liệu…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bundle number {sequence}.</source>
        <translation>Gói dữ liệu số {sequence}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A NIL report: no accident in {period}.</source>
        <translation>Báo cáo không có vụ nào: không có vụ tai nạn nào trong {period}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: an interim report: the period has not ended.</source>
        <translation>Cảnh báo: báo cáo tạm thời: kỳ báo cáo chưa kết thúc.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the fingerprint to the office when they call: it proves they hold this very file.</source>
        <translation>Hãy đọc dấu vân tay khóa cho cơ quan tiếp nhận khi họ gọi điện: điều đó chứng minh họ đang giữ đúng tệp này.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Import a receipt…</source>
        <translation>&amp;Nhập biên nhận…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fingerprint</source>
        <translation>Dấu vân tay khóa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The office sends a receipt (bien-nhan-….tnld) for each bundle it imported. Import it here: the bundle is then confirmed.</source>
        <translation>Cơ quan tiếp nhận gửi một biên nhận (bien-nhan-….tnld) cho mỗi gói dữ liệu đã nhập. Hãy nhập biên nhận tại đây: khi đó gói dữ liệu được xác nhận.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import a receipt</source>
        <translation>Nhập biên nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts (*.tnld)</source>
        <translation>Biên nhận (*.tnld)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading the receipt…</source>
        <translation>Đang đọc biên nhận…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Receipt from {unit} {name} for bundle {sequence} of {period}: {count} record(s) confirmed.</source>
        <translation>Biên nhận của {unit} {name} cho gói số {sequence} kỳ {period}: đã xác nhận {count} hồ sơ.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This receipt was already imported; nothing changed.</source>
        <translation>Biên nhận này đã được nhập trước đây; không có gì thay đổi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is not a receipt for this workstation; nothing changed.</source>
        <translation>Tệp này không phải biên nhận dành cho máy trạm này; không có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../app/ui/admin_dialogs.py" line="+341"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The language changes the next time you log in.</source>
        <translation>Ngôn ngữ sẽ thay đổi từ lần đăng nhập sau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language:</source>
        <translation>Ngôn ngữ:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The language will change the next time you log in.</source>
        <translation>Ngôn ngữ sẽ được đổi từ lần đăng nhập sau.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the changed settings?</source>
        <translation>Lưu các cài đặt đã thay đổi?</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../app/ui/wizard.py" line="+569"/>
        <source>TNLĐ — Set up this computer</source>
        <translation>TNLĐ — Thiết lập máy tính này</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create</source>
        <translation>&amp;Tạo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Choose the backup file first.</source>
        <translation>Hãy chọn tệp sao lưu trước.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type the user name and the password of an admin.</source>
        <translation>Hãy gõ tên người dùng và mật khẩu của một người quản trị.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>TNLĐ recovery code</source>
        <translation>Mã khôi phục TNLĐ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The printer could not be used. Write the code down by hand, or try another printer.</source>
        <translation>Không dùng được máy in. Hãy chép mã ra giấy bằng tay, hoặc thử máy in khác.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print the recovery code</source>
        <translation>In mã khôi phục</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location line="-493"/>
        <source>Ready to set up this computer</source>
        <translation>Sẵn sàng thiết lập máy tính này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been written yet. Create sets up the data folder; it takes a few seconds.</source>
        <translation>Chưa có gì được ghi. Nút Tạo sẽ thiết lập thư mục dữ liệu; việc này mất vài giây.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Data folder: {folder}</source>
        <translation>Thư mục dữ liệu: {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role: {role}</source>
        <translation>Vai trò: {role}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>office</source>
        <translation>cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit: {unit}</source>
        <translation>Đơn vị: {unit}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Office: {name}</source>
        <translation>Cơ quan tiếp nhận: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator: {user}</source>
        <translation>Quản trị viên: {user}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Office&apos;s key card: {card}</source>
        <translation>Thẻ khóa của cơ quan tiếp nhận: {card}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
</context>
<context>
    <name>TimeEdit</name>
    <message>
        <location filename="../app/ui/widgets/date_edit.py" line="+21"/>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not a time: type it as HH:MM</source>
        <translation>Không phải giờ hợp lệ: hãy nhập theo dạng HH:MM</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../app/ui/wizard.py" line="-306"/>
        <source>The office&apos;s &amp;name:</source>
        <translation>Tê&amp;n cơ quan tiếp nhận:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Which province does the office serve?</source>
        <translation>Cơ quan tiếp nhận phụ trách tỉnh nào?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Province:</source>
        <translation>&amp;Tỉnh:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of the province&apos;s name, with or without accents (for example &quot;lang son&quot;), or its 2-digit code, then choose it in the list.</source>
        <translation>Hãy gõ một phần tên tỉnh, có dấu hoặc không dấu (ví dụ &quot;lang son&quot;), hoặc mã tỉnh gồm 2 chữ số, rồi chọn trong danh sách.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for example: Sở Nội vụ tỉnh Lạng Sơn</source>
        <translation>ví dụ: Sở Nội vụ tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which commune is this?</source>
        <translation>Đây là xã nào?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Commune:</source>
        <translation>&amp;Xã:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of the commune&apos;s name, with or without accents (for example &quot;doan ket&quot;), or its 5-digit code, then choose it in the list: the province is shown beside each name.</source>
        <translation>Hãy gõ một phần tên xã, có dấu hoặc không dấu (ví dụ &quot;doan ket&quot;), hoặc mã xã gồm 5 chữ số, rồi chọn trong danh sách: tên tỉnh được hiện bên cạnh mỗi tên xã.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../app/ui/admin_dialogs.py" line="-378"/>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Add user…</source>
        <translation>&amp;Thêm người dùng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;role…</source>
        <translation>Đổi &amp;vai trò…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disable</source>
        <translation>Vô &amp;hiệu hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Enable…</source>
        <translation>&amp;Kích hoạt lại…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;password…</source>
        <translation>Đặt lại &amp;mật khẩu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;my password…</source>
        <translation>Đổi mật khẩu &amp;của tôi…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Disable {user}? They can no longer log in, and the database gets a new key (a new recovery code to print).</source>
        <translation>Vô hiệu hóa {user}? Người này sẽ không đăng nhập được nữa, và cơ sở dữ liệu sẽ được đổi khóa mới (có mã khôi phục mới cần in).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable</source>
        <translation>Vô hiệu hóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Adding the user…</source>
        <translation>Đang thêm người dùng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User {user} added.</source>
        <translation>Đã thêm người dùng {user}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changing the role…</source>
        <translation>Đang đổi vai trò…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{user} is now {role}.</source>
        <translation>{user} nay có vai trò {role}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disabling the user and giving the database a new key…</source>
        <translation>Đang vô hiệu hóa người dùng và đổi khóa mới cho cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enabling the user…</source>
        <translation>Đang kích hoạt lại người dùng…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{user} can log in again with the new password.</source>
        <translation>{user} có thể đăng nhập lại bằng mật khẩu mới.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Setting the new password…</source>
        <translation>Đang đặt mật khẩu mới…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password set for {user}.</source>
        <translation>Đã đặt mật khẩu mới cho {user}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changing your password…</source>
        <translation>Đang đổi mật khẩu…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your password was changed.</source>
        <translation>Đã đổi mật khẩu của bạn.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location line="-444"/>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Đã vô hiệu hóa</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../app/cli/argparse_words.py" line="+10"/>
        <source>usage: </source>
        <translation>cách dùng: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>positional arguments</source>
        <translation>đối số vị trí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>options</source>
        <translation>tùy chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show this help message and exit</source>
        <translation>hiện hướng dẫn này rồi thoát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: lỗi: %(message)s
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the following arguments are required: %s</source>
        <translation>thiếu các đối số bắt buộc: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unrecognized arguments: %s</source>
        <translation>không nhận ra các đối số: %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>lựa chọn không hợp lệ: %(value)r (hãy chọn một trong: %(choices)s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>đối số %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected one argument</source>
        <translation>cần một đối số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected at most one argument</source>
        <translation>cần nhiều nhất một đối số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected at least one argument</source>
        <translation>cần ít nhất một đối số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %s argument</source>
        <translation>cần %s đối số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %s arguments</source>
        <translation>cần %s đối số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>giá trị %(type)s không hợp lệ: %(value)r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>tùy chọn không rõ ràng: %(option)s có thể khớp với %(matches)s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not allowed with argument %s</source>
        <translation>không được dùng cùng với đối số %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of the arguments %s is required</source>
        <translation>cần có một trong các đối số %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show program&apos;s version number and exit</source>
        <translation>hiện số phiên bản của chương trình rồi thoát</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../app/cli/main.py" line="-775"/>
        <source>Password: </source>
        <translation>Mật khẩu: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again: </source>
        <translation>Nhập lại mật khẩu: </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New password: </source>
        <translation>Mật khẩu mới: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again: </source>
        <translation>Nhập lại mật khẩu mới: </translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Set up {role} workstation for {unit} {name} in {path}.</source>
        <translation>Đã thiết lập máy trạm {role} cho {unit} {name} tại {path}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a commune</source>
        <translation>cấp xã</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>an office</source>
        <translation>của cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+327"/>
        <source>RECOVERY CODE (shown only now): {code}</source>
        <translation>MÃ KHÔI PHỤC (chỉ hiện một lần này): {code}</translation>
    </message>
    <message>
        <location line="-326"/>
        <source>Print or write it down and keep it locked away: with it a forgotten password loses nothing.</source>
        <translation>Hãy in hoặc chép lại mã này và cất giữ ở nơi an toàn: có mã này thì dù quên mật khẩu cũng không mất dữ liệu.</translation>
    </message>
    <message>
        <location filename="../app/cli/exchange_commands.py" line="+248"/>
        <location filename="../app/cli/main.py" line="+11"/>
        <source>… and {count} more</source>
        <translation>… và {count} mục khác</translation>
    </message>
    <message>
        <location filename="../app/cli/main.py" line="+20"/>
        <source>Warnings (saved all the same; check these records):</source>
        <translation>Cảnh báo (dữ liệu vẫn đã được lưu; hãy kiểm tra các bản ghi sau):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>draft</source>
        <translation>nháp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>confirmed</source>
        <translation>đã xác nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>void</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>quick report</source>
        <translation>báo cáo nhanh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>record of the event</source>
        <translation>biên bản ghi nhận sự việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>investigation</source>
        <translation>điều tra</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+40"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+40"/>
        <source>Village</source>
        <translation>Thôn/bản</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Victim</source>
        <translation>Nạn nhân</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+41"/>
        <source>Deaths</source>
        <translation>Số người chết</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Serious</source>
        <translation>Bị thương nặng</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+42"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>incomplete: {fields}</source>
        <translation>chưa đủ: {fields}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incomplete</source>
        <translation>chưa đủ thông tin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>commuting</source>
        <translation>trên đường đi/về</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>delivered</source>
        <translation>đã được tiếp nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sent</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue: {what}</source>
        <translation>quá hạn: {what}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{shown} of {total} accident(s).</source>
        <translation>Hiển thị {shown} trên tổng số {total} vụ tai nạn.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What failed</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damage (thousand VND)</source>
        <translation>Thiệt hại (nghìn đồng)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Injured</source>
        <translation>Bị thương</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} serious technical incident(s).</source>
        <translation>{count} sự cố kỹ thuật nghiêm trọng.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Reason for voiding (kept in the record&apos;s history): </source>
        <translation>Lý do hủy (được lưu trong lịch sử của hồ sơ): </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accident {id} is void (version {version}); it stays in the history.</source>
        <translation>Đã hủy vụ tai nạn {id} (phiên bản {version}); bản ghi vẫn được giữ trong lịch sử.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Write this down (or keep it away from this computer): later, tnld audit verify --anchor {anchor} shows whether any entry up to it was deleted or rewritten.</source>
        <translation>Hãy ghi lại (hoặc cất ở nơi khác ngoài máy này): sau này, lệnh tnld audit verify --anchor {anchor} cho biết có mục nào đến đó bị xóa hoặc viết lại hay không.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Audit log intact: {rows} entries, chain head {head}.</source>
        <translation>Nhật ký thao tác còn nguyên vẹn: {rows} mục, đầu chuỗi băm {head}.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Added {accidents} synthetic accident(s) and {incidents} serious technical incident(s) (seed {seed}); {unchanged} record(s) were already there.</source>
        <translation>Đã thêm {accidents} vụ tai nạn và {incidents} sự cố kỹ thuật nghiêm trọng giả lập (hạt giống {seed}); {unchanged} hồ sơ đã có từ trước.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Might the old password of {name} be known to someone else? Then the database gets a new key. [Y/n] </source>
        <translation>Mật khẩu cũ của {name} có thể đã bị người khác biết không? Nếu có, cơ sở dữ liệu sẽ được đổi khóa mới. [Y/n] </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database has a new key; old copies of the key file and old passwords no longer open it.</source>
        <translation>Cơ sở dữ liệu đã có khóa mới; các bản sao cũ của tệp khóa và mật khẩu cũ không còn mở được nữa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NEW RECOVERY CODE (shown only now): {code}</source>
        <translation>MÃ KHÔI PHỤC MỚI (chỉ hiện lần này): {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print or write it down and keep it locked away; the old recovery code no longer works.</source>
        <translation>Hãy in hoặc chép lại và cất giữ cẩn thận; mã khôi phục cũ không còn dùng được.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These users had not logged in since TNLĐ was updated and can no longer log in: {names}. Set a new password for each with: tnld users passwd NAME</source>
        <translation>Những người dùng sau chưa đăng nhập kể từ khi TNLĐ được cập nhật và nay không đăng nhập được nữa: {names}. Hãy đặt mật khẩu mới cho từng người bằng lệnh: tnld users passwd TÊN</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>User {name} enabled with the new password.</source>
        <translation>Đã kích hoạt lại người dùng {name} với mật khẩu mới.</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>With no command, the desktop program opens. The password comes from --password-file or TNLD_PASSWORD. Exit codes: 0 done, 2 bad input (nothing changed), 3 damaged, 4 untrusted signer, 1 unexpected.</source>
        <translation>Khi không có lệnh, chương trình giao diện sẽ mở. Mật khẩu lấy từ --password-file hoặc TNLD_PASSWORD. Mã thoát: 0 hoàn tất, 2 dữ liệu nhập sai (không có gì thay đổi), 3 bị hỏng, 4 người ký không được tin cậy, 1 lỗi không mong đợi.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>why the record is void (kept in its history); asked for on a terminal</source>
        <translation>lý do hủy hồ sơ (được lưu trong lịch sử); được hỏi khi chạy trên cửa sổ lệnh</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>replace the database by a backup of this unit (an admin of this data folder; on a new computer, an admin of the backup)</source>
        <translation>thay cơ sở dữ liệu bằng một bản sao lưu của đơn vị này (quản trị viên của thư mục dữ liệu này; trên máy mới, quản trị viên của bản sao lưu)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>users and roles: list, add, passwd, disable, enable, new-key</source>
        <translation>người dùng và vai trò: list, add, passwd, disable, enable, new-key</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the old password may be known to someone else: give the database a new key and print a new recovery code (the default, without a terminal)</source>
        <translation>mật khẩu cũ có thể đã bị người khác biết: đổi khóa mới cho cơ sở dữ liệu và in mã khôi phục mới (mặc định khi không chạy trên cửa sổ lệnh)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only forgotten: keep the database key</source>
        <translation>chỉ là quên mật khẩu: giữ nguyên khóa cơ sở dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disable a user (admin); the database gets a new key and a new recovery code is printed</source>
        <translation>vô hiệu hóa một người dùng (quản trị viên); cơ sở dữ liệu được đổi khóa mới và in mã khôi phục mới</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>enable a disabled user again (admin), with a new password from --new-password-file</source>
        <translation>kích hoạt lại một người dùng đã bị vô hiệu hóa (quản trị viên), với mật khẩu mới từ --new-password-file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>give the database a new key and print a new recovery code (admin)</source>
        <translation>đổi khóa mới cho cơ sở dữ liệu và in mã khôi phục mới (quản trị viên)</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Unexpected error: {error}. Its details could not be saved either (is the disk full?); please tell support what you did.</source>
        <translation>Lỗi không mong đợi: {error}. Không lưu được cả chi tiết lỗi (ổ đĩa đầy?); hãy báo cho bộ phận hỗ trợ bạn đã làm gì.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error: {error}. The data folder {folder} could not be written, so the details were saved in {path}; please send that file to support.</source>
        <translation>Lỗi không mong đợi: {error}. Không ghi được vào thư mục dữ liệu {folder}, nên chi tiết được lưu trong {path}; hãy gửi tệp đó cho bộ phận hỗ trợ.</translation>
    </message>
    <message>
        <location line="-528"/>
        <source>Audit log ALTERED: the chain breaks at entry {seq}. Keep this database for inspection and tell the office.</source>
        <translation>Nhật ký thao tác ĐÃ BỊ SỬA ĐỔI: chuỗi băm bị đứt tại mục {seq}. Hãy giữ nguyên cơ sở dữ liệu này để kiểm tra và báo cho cơ quan tiếp nhận.</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>Warning: your change is saved, but the daily automatic backup could not be made: the disk holding {path} is full. Free some space, or make a backup on another disk with: tnld backup --out FILE</source>
        <translation>Cảnh báo: thay đổi của bạn đã được lưu, nhưng không tạo được bản sao lưu tự động hằng ngày: ổ đĩa chứa {path} đã đầy. Hãy giải phóng dung lượng, hoặc sao lưu sang ổ đĩa khác bằng lệnh: tnld backup --out TỆP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Warning: your change is saved, but the daily automatic backup could not be made ({reason}). Make a backup with: tnld backup --out FILE</source>
        <translation>Cảnh báo: thay đổi của bạn đã được lưu, nhưng không tạo được bản sao lưu tự động hằng ngày ({reason}). Hãy sao lưu bằng lệnh: tnld backup --out TỆP</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Accidents: {added} added, {updated} updated, {voided} voided, {unchanged} unchanged.</source>
        <translation>Vụ tai nạn: thêm {added}, cập nhật {updated}, hủy {voided}, không đổi {unchanged}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serious technical incidents: {added} added, {updated} updated, {voided} voided, {unchanged} unchanged.</source>
        <translation>Sự cố kỹ thuật nghiêm trọng: thêm {added}, cập nhật {updated}, hủy {voided}, không đổi {unchanged}.</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>It still extends the head taken earlier ({length}:{head}).</source>
        <translation>Nhật ký vẫn nối tiếp đầu chuỗi đã ghi trước đây ({length}:{head}).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Backup written to {path}. It is encrypted; it opens with the passwords valid today.</source>
        <translation>Đã ghi bản sao lưu vào {path}. Bản sao lưu được mã hóa; mở được bằng các mật khẩu đang dùng hiện nay.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Backup {path}: unit {unit} {name}, made on {created} (TNLĐ {version}).</source>
        <translation>Bản sao lưu {path}: đơn vị {unit} {name}, tạo lúc {created} (TNLĐ {version}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{accidents} accident(s), {incidents} incident(s), {users} user(s)</source>
        <translation>{accidents} vụ tai nạn, {incidents} sự cố, {users} người dùng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the backup: {counts}</source>
        <translation>Trong bản sao lưu: {counts}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today, in {unit} {name}: {counts}</source>
        <translation>Hiện tại, ở {unit} {name}: {counts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup holds {count} accident(s) fewer than today: after the restore they are no longer in the register (today&apos;s database is kept in the backups folder).</source>
        <translation>Bản sao lưu ít hơn hiện tại {count} vụ tai nạn: sau khi khôi phục, các vụ đó không còn trong sổ (cơ sở dữ liệu hiện tại được giữ trong thư mục backups).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today: a database this folder has no key file for (it is kept in the backups folder).</source>
        <translation>Hiện tại: một cơ sở dữ liệu mà thư mục này không có tệp khóa (được giữ trong thư mục backups).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Replace today&apos;s data by this backup? [y/N] </source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu này? [y/N] </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Password of {user} when the backup was made: </source>
        <translation>Mật khẩu của {user} lúc tạo bản sao lưu: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restored the backup of {created} ({count} accident(s)).</source>
        <translation>Đã khôi phục bản sao lưu tạo lúc {created} ({count} vụ tai nạn).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in with the passwords that were valid when the backup was made.</source>
        <translation>Hãy đăng nhập bằng mật khẩu có hiệu lực lúc tạo bản sao lưu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The previous database was kept in {path}.</source>
        <translation>Cơ sở dữ liệu trước đó được giữ lại tại {path}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Set up a demo {role} workstation for {unit} {name} in {path}.</source>
        <translation>Đã thiết lập máy trạm dùng thử ({role}) cho {unit} {name} tại {path}.</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>list serious technical incidents (added with add, kind &quot;incident&quot;)</source>
        <translation>liệt kê các sự cố kỹ thuật nghiêm trọng (thêm bằng add, kind &quot;incident&quot;)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>print one accident or incident in the interchange format</source>
        <translation>in một vụ tai nạn hoặc sự cố theo định dạng trao đổi</translation>
    </message>
    <message>
        <location filename="../app/cli/exchange_commands.py" line="-217"/>
        <source>Wrote {path}: NIL report (no accident) for {period}, bundle number {sequence}.</source>
        <translation>Đã ghi {path}: báo cáo KHÔNG CÓ vụ việc cho kỳ {period}, gói số {sequence}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote {path}: {count} accident(s) of {period}, bundle number {sequence}.</source>
        <translation>Đã ghi {path}: {count} vụ tai nạn của kỳ {period}, gói số {sequence}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <source>It also holds {count} serious technical incident(s).</source>
        <translation>Kèm theo {count} sự cố kỹ thuật nghiêm trọng.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Signed and encrypted for {unit} {name}: only that office can read the records.</source>
        <translation>Đã ký số và mã hóa cho {unit} {name}: chỉ cơ quan đó đọc được các hồ sơ.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Receipt from {unit} {name} for bundle {sequence} of {period} of {for_unit}.</source>
        <translation>Biên nhận của {unit} {name} cho gói số {sequence} kỳ {period} của {for_unit}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundle from {unit} {name} ({role}), period {period}, number {sequence}, made {created}.</source>
        <translation>Gói báo cáo của {unit} {name} ({role}), kỳ {period}, số {sequence}, lập lúc {created}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+153"/>
        <location filename="../app/cli/main.py" line="-203"/>
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <location line="-153"/>
        <location line="+153"/>
        <location filename="../app/cli/main.py" line="+0"/>
        <source>office</source>
        <translation>cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Nil report: no accident in this period.</source>
        <translation>Báo cáo không có vụ việc: kỳ này không có vụ tai nạn nào.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{accidents} accident(s), {victims} victim(s), {void} void.</source>
        <translation>{accidents} vụ tai nạn, {victims} nạn nhân, {void} hồ sơ đã hủy.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Encrypted for {unit} {name}.</source>
        <translation>Được mã hóa cho {unit} {name}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signer&apos;s fingerprint: {fingerprint}</source>
        <translation>Dấu vân tay khóa của người ký: {fingerprint}</translation>
    </message>
    <message>
        <location line="+26"/>
        <location filename="../app/cli/report_commands.py" line="+88"/>
        <source>Intact, and signed by a trusted key.</source>
        <translation>Nguyên vẹn, được ký số bằng khóa đáng tin cậy.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{file}: refused: {reason}</source>
        <translation>{file}: bị từ chối: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: made by this workstation; skipped.</source>
        <translation>{file}: do chính máy này tạo ra; bỏ qua.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}: already imported; nothing changed.</source>
        <translation>{file}: đã nhập trước đây; không có gì thay đổi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}: receipt from {unit} {name} imported: {count} record(s) now marked delivered.</source>
        <translation>{file}: đã nhập biên nhận của {unit} {name}: {count} hồ sơ được đánh dấu đã được tiếp nhận.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: imported: {unit} {name}, {period}, bundle {sequence}: NIL report (no accident).</source>
        <translation>{file}: đã nhập: {unit} {name}, kỳ {period}, gói số {sequence}: báo cáo KHÔNG CÓ vụ việc.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}: imported: {unit} {name}, {period}, bundle {sequence}: {added} new, {updated} updated, {unchanged} unchanged, {older} older version(s) ignored, {conflicts} conflict(s).</source>
        <translation>{file}: đã nhập: {unit} {name}, kỳ {period}, gói số {sequence}: {added} mới, {updated} cập nhật, {unchanged} giữ nguyên, {older} phiên bản cũ hơn bị bỏ qua, {conflicts} xung đột.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Conflicts (same version, different content; the version held here stays until the commune sends a newer one): {ids}</source>
        <translation>Xung đột (cùng phiên bản nhưng nội dung khác; phiên bản đang lưu ở đây được giữ cho đến khi xã gửi phiên bản mới hơn): {ids}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt for the commune: {path}</source>
        <translation>Biên nhận gửi xã: {path}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Wrote the key card of {unit} {name} to {path}.</source>
        <translation>Đã ghi thẻ khóa của {unit} {name} vào {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fingerprint (read it out when the other side calls): {fingerprint}</source>
        <translation>Dấu vân tay khóa (đọc cho bên kia khi họ gọi điện): {fingerprint}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The card of {unit} {name} is already registered.</source>
        <translation>Thẻ khóa của {unit} {name} đã được đăng ký từ trước.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replaced the key of {unit} {name} ({role}).</source>
        <translation>Đã thay khóa của {unit} {name} ({role}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered the key of {unit} {name} ({role}).</source>
        <translation>Đã đăng ký khóa của {unit} {name} ({role}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Fingerprint: {fingerprint}</source>
        <translation>Dấu vân tay khóa: {fingerprint}</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Call the unit and compare these digits with what their program shows; if any digit differs, the card is not theirs: tell an admin.</source>
        <translation>Hãy gọi điện cho đơn vị và đối chiếu các chữ số này với số hiện trên chương trình của họ; nếu khác dù chỉ một chữ số, thẻ này không phải của họ: hãy báo quản trị viên.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>replaced</source>
        <translation>đã thay thế</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This workstation: {unit} {name}</source>
        <translation>Máy này: {unit} {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>on time</source>
        <translation>đúng hạn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>late</source>
        <translation>muộn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MISSING</source>
        <translation>CHƯA NỘP</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nil</source>
        <translation>Không có vụ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles</source>
        <translation>Gói</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gaps</source>
        <translation>Thiếu số</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made</source>
        <translation>Ngày lập</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>The period {period} has not ended: this is an INTERIM report. Export the period again after it ends; the office counts only that one as the period&apos;s report.</source>
        <translation>Kỳ {period} chưa kết thúc: đây là báo cáo TẠM THỜI. Hãy xuất lại kỳ này sau khi kỳ kết thúc; cơ quan tiếp nhận chỉ tính báo cáo đó là báo cáo của kỳ.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Its content (counts, records) is encrypted: only the office it is addressed to can read and check it.</source>
        <translation>Nội dung (số liệu, hồ sơ) đã được mã hóa: chỉ cơ quan nhận gói này mới đọc và kiểm tra được.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Interim report: made before the end of its period.</source>
        <translation>Báo cáo tạm thời: được lập trước khi kỳ báo cáo kết thúc.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every record was decrypted and checked, and the counts match.</source>
        <translation>Mọi hồ sơ đã được giải mã và kiểm tra, số liệu khớp.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not encrypted (a bundle of format {version}, made before encryption was required).</source>
        <translation>Không được mã hóa (gói định dạng {version}, được lập trước khi việc mã hóa là bắt buộc).</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Warning: this bundle (format {version}) travelled NOT encrypted: names and ID numbers could be read by anyone who had the file. Ask the commune to update TNLĐ and to register this office&apos;s key card.</source>
        <translation>Cảnh báo: gói dữ liệu này (định dạng {version}) được chuyển đi KHÔNG mã hóa: ai có tệp cũng có thể đọc được họ tên và số giấy tờ tùy thân. Đề nghị xã cập nhật TNLĐ và đăng ký thẻ khóa của cơ quan này.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received before the end of {period}: an interim report; the commune sends the period&apos;s report after it ends.</source>
        <translation>Nhận trước khi kỳ {period} kết thúc: đây là báo cáo tạm thời; xã sẽ gửi báo cáo của kỳ sau khi kỳ kết thúc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: this bundle does not fit the chain of bundles received from this workstation ({kinds}); look into it with: tnld conflicts</source>
        <translation>Cảnh báo: gói dữ liệu này không khớp với chuỗi các gói đã nhận từ máy trạm này ({kinds}); hãy xem xét bằng lệnh: tnld conflicts</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a bundle number used twice</source>
        <translation>một số thứ tự gói được dùng hai lần</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a broken chain of bundles</source>
        <translation>chuỗi gói dữ liệu bị đứt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a rewritten audit history</source>
        <translation>nhật ký thao tác bị viết lại</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>interim</source>
        <translation>tạm thời</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date unknown</source>
        <translation>không rõ ngày</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain</source>
        <translation>Chuỗi gói</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{period}, due {due}: {on_time} on time, {late} late, {interim} interim, {missing} missing, of {total}.</source>
        <translation>Kỳ {period}, hạn nộp {due}: {on_time} đúng hạn, {late} muộn, {interim} tạm thời, {missing} chưa nộp, trên tổng số {total}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received: the day this office received the report; Made: the commune&apos;s clock, not used to judge. Interim: received while the period was still running.</source>
        <translation>Ngày nhận: ngày cơ quan này nhận được báo cáo; Ngày lập: theo đồng hồ máy của xã, không dùng để đánh giá. Tạm thời: nhận khi kỳ báo cáo chưa kết thúc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} commune(s) sent bundles whose day of receipt cannot be read (shown as date unknown).</source>
        <translation>{count} xã đã gửi gói dữ liệu nhưng không đọc được ngày nhận (hiện là không rõ ngày).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} commune(s) have chain flags to look into (column Chain); see them with: tnld conflicts</source>
        <translation>{count} xã có cảnh báo về chuỗi gói cần xem xét (cột Chuỗi gói); xem bằng lệnh: tnld conflicts</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{count} commune(s) expected to report.</source>
        <translation>{count} xã phải báo cáo.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recorded: {a} and {b} are {decision}.</source>
        <translation>Đã ghi nhận: {a} và {b} là {decision}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already recorded: {a} and {b} are {decision}.</source>
        <translation>Đã ghi nhận từ trước: {a} và {b} là {decision}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the same person</source>
        <translation>cùng một người</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>different people</source>
        <translation>những người khác nhau</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>same ID number</source>
        <translation>trùng số định danh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>same name, birth year and date</source>
        <translation>trùng họ tên, năm sinh và ngày xảy ra tai nạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same person</source>
        <translation>cùng một người</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>different</source>
        <translation>khác người</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to decide</source>
        <translation>chờ quyết định</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} candidate pair(s), {open} to decide. Decide with: tnld duplicates resolve ID_A ID_B same|different</source>
        <translation>{count} cặp nghi trùng lặp, {open} cặp chờ quyết định. Quyết định bằng lệnh: tnld duplicates resolve ID_A ID_B same|different</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a bundle number used twice by the same key: the commune may have restored a backup or copied its data folder</source>
        <translation>một số thứ tự gói được cùng một khóa dùng hai lần: có thể xã đã khôi phục bản sao lưu hoặc sao chép thư mục dữ liệu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the bundle does not follow the one held before it (its previous_hash does not match)</source>
        <translation>gói dữ liệu không nối tiếp gói đang lưu đứng trước nó (previous_hash không khớp)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its audit history does not extend the one the commune sent before: records may have been deleted or the log rewritten</source>
        <translation>nhật ký thao tác của gói không nối tiếp nhật ký mà xã đã gửi trước đây: có thể hồ sơ đã bị xóa hoặc nhật ký đã bị viết lại</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Flag {id} of {unit} settled.</source>
        <translation>Đã xử lý cảnh báo {id} của {unit}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} conflict(s).</source>
        <translation>{count} xung đột.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>settled by {user} on {day}: {note}</source>
        <translation>đã được {user} xử lý ngày {day}: {note}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>bundle {bundle}, earlier bundle {other}</source>
        <translation>gói {bundle}, gói trước đó {other}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} chain flag(s) to settle. Look into each with the commune, then: tnld conflicts settle ID --note TEXT</source>
        <translation>{count} cảnh báo về chuỗi gói cần xử lý. Hãy tìm hiểu từng trường hợp với xã, rồi dùng lệnh: tnld conflicts settle SỐ --note NỘI_DUNG</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>write the signed (and encrypted) bundle of a period for the office</source>
        <translation>ghi gói báo cáo của một kỳ (đã ký số và mã hóa) để gửi cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <location filename="../app/cli/report_commands.py" line="+13"/>
        <source>2026, 2026-H1, 2026-Q3 or 2026-03</source>
        <translation>2026, 2026-H1, 2026-Q3 hoặc 2026-03</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>the bundle file to write (.tnld)</source>
        <translation>tệp gói báo cáo cần ghi (.tnld)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the office to encrypt for, when several cards are registered</source>
        <translation>cơ quan nhận (để mã hóa), khi đã đăng ký thẻ khóa của nhiều cơ quan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>check a bundle or receipt without importing it (exit 0 intact and trusted, 3 damaged, 4 unknown signer)</source>
        <translation>kiểm tra gói báo cáo hoặc biên nhận mà không nhập (mã thoát 0: nguyên vẹn và tin cậy, 3: hỏng, 4: người ký chưa biết)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>import bundles (office) or a receipt (commune); one line per file</source>
        <translation>nhập gói báo cáo (cơ quan tiếp nhận) hoặc biên nhận (xã); mỗi tệp một dòng kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundle files or folders holding them</source>
        <translation>các tệp gói báo cáo hoặc thư mục chứa chúng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>where to write receipts (default: beside each bundle)</source>
        <translation>nơi ghi biên nhận (mặc định: cạnh mỗi gói báo cáo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the day the bundles reached the office, dd/mm/yyyy, when earlier than today</source>
        <translation>ngày các gói dữ liệu đến cơ quan, dd/mm/yyyy, nếu sớm hơn hôm nay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this workstation&apos;s key card, and the registry of trusted cards</source>
        <translation>thẻ khóa của máy này và sổ đăng ký các thẻ khóa tin cậy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write this workstation&apos;s key card</source>
        <translation>ghi thẻ khóa của máy này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the card file to write</source>
        <translation>tệp thẻ khóa cần ghi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>register another unit&apos;s key card (admin)</source>
        <translation>đăng ký thẻ khóa của đơn vị khác (quản trị viên)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replace the registered key of the same unit (audited)</source>
        <translation>thay khóa đã đăng ký của cùng đơn vị (được ghi nhật ký)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the trusted cards</source>
        <translation>liệt kê các thẻ khóa tin cậy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>include replaced cards</source>
        <translation>gồm cả thẻ khóa đã bị thay thế</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show this workstation&apos;s fingerprint</source>
        <translation>hiện dấu vân tay khóa của máy này</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>office: which communes have reported for a period</source>
        <translation>cơ quan tiếp nhận: những xã đã báo cáo trong một kỳ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>office: the communes expected to report (list, add, remove, reset)</source>
        <translation>cơ quan tiếp nhận: danh sách xã phải báo cáo (list, add, remove, reset)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list the expected communes</source>
        <translation>liệt kê các xã phải báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expect these communes too</source>
        <translation>thêm các xã này vào danh sách phải báo cáo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stop expecting these communes</source>
        <translation>bỏ các xã này khỏi danh sách phải báo cáo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>back to every commune of the province</source>
        <translation>trở lại toàn bộ các xã của tỉnh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>office: victims reported twice, and decisions on them</source>
        <translation>cơ quan tiếp nhận: nạn nhân bị báo cáo hai lần và quyết định về các trường hợp này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only pairs with an accident in this period</source>
        <translation>chỉ các cặp có vụ tai nạn trong kỳ này</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>record whether two victims are the same person</source>
        <translation>ghi nhận hai nạn nhân có phải cùng một người hay không</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>office: records received with a known version but other content, and chain flags to settle</source>
        <translation>cơ quan tiếp nhận: hồ sơ nhận được có phiên bản đã biết nhưng nội dung khác, và các cảnh báo về chuỗi gói cần xử lý</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>include settled chain flags</source>
        <translation>kể cả các cảnh báo về chuỗi gói đã xử lý</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>settle a chain flag once looked into (admin)</source>
        <translation>xử lý một cảnh báo về chuỗi gói sau khi đã tìm hiểu (quản trị viên)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what was found and done (required)</source>
        <translation>điều đã tìm hiểu và đã làm (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../app/cli/main.py" line="+46"/>
        <source>User {name} added with the role {role}.</source>
        <translation>Đã thêm người dùng {name} với vai trò {role}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password changed.</source>
        <translation>Đã đổi mật khẩu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User {name} disabled.</source>
        <translation>Đã khóa người dùng {name}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>disabled</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recovery code: </source>
        <translation>Mã khôi phục: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New password set for {user}.</source>
        <translation>Đã đặt mật khẩu mới cho {user}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{key} = {value}</source>
        <translation>{key} = {value}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(not set)</source>
        <translation>(chưa đặt)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the workstation&apos;s data folder (or TNLD_DATA_DIR)</source>
        <translation>thư mục dữ liệu của máy trạm (hoặc TNLD_DATA_DIR)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user name (or TNLD_USER; default: the admin named at set-up)</source>
        <translation>tên người dùng (hoặc TNLD_USER; mặc định: người quản trị được đặt khi thiết lập)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read the password from the first line of FILE</source>
        <translation>đọc mật khẩu từ dòng đầu tiên của FILE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>language of messages: vi (default) or en</source>
        <translation>ngôn ngữ hiển thị thông báo: vi (mặc định) hoặc en</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>TNLĐ: the commune register of occupational accidents of workers without a labour contract.</source>
        <translation>TNLĐ: sổ theo dõi cấp xã về tai nạn lao động của người lao động làm việc không theo hợp đồng lao động.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>print the version and exit</source>
        <translation>in số phiên bản rồi thoát</translation>
    </message>
    <message>
        <location filename="../app/cli/exchange_commands.py" line="-39"/>
        <location line="+17"/>
        <location line="+10"/>
        <location line="+9"/>
        <location filename="../app/cli/main.py" line="+2"/>
        <location line="+41"/>
        <location line="+32"/>
        <location line="+29"/>
        <source>COMMAND</source>
        <translation>LỆNH</translation>
    </message>
    <message>
        <location filename="../app/cli/main.py" line="-95"/>
        <source>set up a new data folder; prints the recovery code</source>
        <translation>thiết lập thư mục dữ liệu mới; in ra mã khôi phục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>commune or office</source>
        <translation>commune (xã) hoặc office (cơ quan tiếp nhận)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5-digit commune code, or 2-digit province code for an office</source>
        <translation>mã xã gồm 5 chữ số, hoặc mã tỉnh gồm 2 chữ số đối với cơ quan tiếp nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name of the first admin user</source>
        <translation>tên người dùng quản trị đầu tiên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the office&apos;s name, e.g. &quot;Sở Nội vụ tỉnh Lạng Sơn&quot;</source>
        <translation>tên cơ quan tiếp nhận, ví dụ &quot;Sở Nội vụ tỉnh Lạng Sơn&quot;</translation>
    </message>
    <message>
        <location filename="../app/cli/exchange_commands.py" line="-48"/>
        <location line="+4"/>
        <location line="+17"/>
        <location line="+5"/>
        <location line="+12"/>
        <location line="+8"/>
        <location filename="../app/cli/main.py" line="+1"/>
        <location line="+4"/>
        <location line="+28"/>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+25"/>
        <location line="+26"/>
        <location line="+3"/>
        <source>print JSON</source>
        <translation>in kết quả dạng JSON</translation>
    </message>
    <message>
        <location filename="../app/cli/main.py" line="-89"/>
        <source>add or update accidents from a JSON Lines file; all or nothing</source>
        <translation>thêm hoặc cập nhật vụ tai nạn từ tệp JSON Lines; lưu tất cả hoặc không lưu gì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one accident per line (docs/interchange.md)</source>
        <translation>mỗi dòng một vụ tai nạn (docs/interchange.md)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>list accidents (newest version; void ones only with --all)</source>
        <translation>liệt kê các vụ tai nạn (phiên bản mới nhất; bản ghi đã hủy chỉ hiện khi có --all)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>2026, 2026-H1, 2026-Q3, 2026-03 …</source>
        <translation>kỳ báo cáo: 2026, 2026-H1, 2026-Q3, 2026-03 …</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>words to find in names, village, place, work, description</source>
        <translation>từ cần tìm trong họ tên, thôn/bản, nơi xảy ra, công việc, mô tả</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>include void records</source>
        <translation>hiện cả các bản ghi đã hủy</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>show at most N rows</source>
        <translation>hiện tối đa N dòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>print the records in the interchange format</source>
        <translation>in các bản ghi theo định dạng trao đổi dữ liệu</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>the id, or its first 8 characters as shown by list</source>
        <translation>id, hoặc 8 ký tự đầu của id như lệnh list hiển thị</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>print every version</source>
        <translation>in tất cả các phiên bản</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>void a mistaken record (it is kept in the history)</source>
        <translation>hủy bản ghi nhập nhầm (bản ghi vẫn được giữ trong lịch sử)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the audit log</source>
        <translation>nhật ký thao tác</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check the audit log&apos;s hash chain</source>
        <translation>kiểm tra chuỗi băm của nhật ký thao tác</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>also check that the log still extends a head printed earlier by audit head</source>
        <translation>kiểm tra thêm rằng nhật ký vẫn nối tiếp đầu chuỗi mà lệnh audit head đã in trước đây</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>print the audit log&apos;s length and head hash, to check later</source>
        <translation>in độ dài và mã băm đầu chuỗi của nhật ký thao tác, để kiểm tra sau này</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show the latest entries (admin)</source>
        <translation>hiện các mục mới nhất (quản trị)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>how many entries</source>
        <translation>số mục cần hiện</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>write an encrypted backup file</source>
        <translation>ghi tệp sao lưu đã mã hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the backup file to write</source>
        <translation>tệp sao lưu cần ghi</translation>
    </message>
    <message>
        <location filename="../app/cli/exchange_commands.py" line="-47"/>
        <location line="+16"/>
        <location filename="../app/cli/main.py" line="+1"/>
        <location filename="../app/cli/report_commands.py" line="+11"/>
        <source>overwrite FILE if it exists</source>
        <translation>ghi đè FILE nếu tệp đã tồn tại</translation>
    </message>
    <message>
        <location filename="../app/cli/main.py" line="+4"/>
        <source>a backup file written by backup</source>
        <translation>tệp sao lưu do lệnh backup tạo ra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replace today&apos;s data without asking (needed when not on a terminal)</source>
        <translation>thay dữ liệu hiện tại mà không hỏi lại (cần khi không chạy trên cửa sổ lệnh)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the password valid when the backup was made, if it has changed since</source>
        <translation>mật khẩu có hiệu lực lúc tạo bản sao lưu, nếu từ đó đã đổi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the backup as this user of it (default: the user logged in)</source>
        <translation>mở bản sao lưu với tư cách người dùng này của nó (mặc định: người đang đăng nhập)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fill the data folder with realistic synthetic data (a Lạng Sơn commune or office)</source>
        <translation>đưa dữ liệu giả lập sát thực tế vào thư mục dữ liệu (một xã hoặc cơ quan tiếp nhận ở tỉnh Lạng Sơn)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set up as this role when the folder is new</source>
        <translation>vai trò dùng để thiết lập khi thư mục còn mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>how many accidents</source>
        <translation>số vụ tai nạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same seed gives the same data</source>
        <translation>cùng một seed sẽ cho ra cùng một dữ liệu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>list users</source>
        <translation>liệt kê người dùng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add a user (admin); the new password from --new-password-file</source>
        <translation>thêm người dùng (quản trị); mật khẩu mới lấy từ --new-password-file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>admin, clerk or viewer</source>
        <translation>admin (quản trị), clerk (nhập liệu) hoặc viewer (chỉ xem)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+13"/>
        <location line="+18"/>
        <source>read the new password from FILE</source>
        <translation>đọc mật khẩu mới từ FILE</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>change your password, or (admin) another user&apos;s</source>
        <translation>đổi mật khẩu của bạn, hoặc (quản trị) đổi mật khẩu của người dùng khác</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>settings printed on reports (signer, phone) and report due dates</source>
        <translation>các cài đặt in trên báo cáo (người ký, điện thoại) và hạn nộp báo cáo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>show every setting and its value</source>
        <translation>hiện mọi mục cài đặt và giá trị của chúng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change a setting (admin)</source>
        <translation>thay đổi một mục cài đặt (admin)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>put a setting back to its default (admin)</source>
        <translation>đưa một mục cài đặt về mặc định (admin)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set a new password with the printed recovery code</source>
        <translation>đặt mật khẩu mới bằng mã khôi phục đã in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read the recovery code from FILE</source>
        <translation>đọc mã khôi phục từ FILE</translation>
    </message>
    <message>
        <location filename="../app/cli/exchange_commands.py" line="-284"/>
        <location filename="../app/cli/main.py" line="+65"/>
        <source>Problems found:</source>
        <translation>Phát hiện các vấn đề sau:</translation>
    </message>
    <message>
        <location filename="../app/cli/main.py" line="+49"/>
        <source>Unexpected error: {error}. Details were saved in {path}; please send that file to support.</source>
        <translation>Lỗi ngoài dự kiến: {error}. Chi tiết đã được lưu vào {path}; vui lòng gửi tệp đó cho bộ phận hỗ trợ.</translation>
    </message>
    <message>
        <location filename="../app/cli/report_commands.py" line="-72"/>
        <source>Wrote {path}.</source>
        <translation>Đã ghi {path}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Wrote {path}: {period}, {accidents} accident(s), {victims} victim(s), {deaths} death(s).</source>
        <translation>Đã ghi {path}: kỳ {period}, {accidents} vụ tai nạn, {victims} nạn nhân, {deaths} người chết.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The signer&apos;s name is not set: the signature block is left blank, to sign and write the name by hand. To print it, run: tnld settings set signer_name &quot;NAME&quot; (the lines above it: signer_on_behalf, signer_title).</source>
        <translation>Chưa đặt họ tên người ký: phần chữ ký được để trống để ký và ghi họ tên bằng tay. Để in họ tên, hãy chạy: tnld settings set signer_name &quot;HỌ TÊN&quot; (các dòng phía trên: signer_on_behalf, signer_title).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Signed by {unit} {name}; fingerprint {fingerprint}.</source>
        <translation>Được ký số bởi {unit} {name}; dấu vân tay khóa {fingerprint}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PDF was changed after it was signed, or its signature is damaged.</source>
        <translation>Tệp PDF đã bị thay đổi sau khi ký số, hoặc chữ ký bị hỏng.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something was added to the PDF after it was signed; the signed part is intact.</source>
        <translation>Tệp PDF đã được thêm nội dung sau khi ký số; phần đã ký vẫn nguyên vẹn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature is intact but the signer&apos;s key is not registered here.</source>
        <translation>Chữ ký nguyên vẹn nhưng khóa của người ký chưa được đăng ký tại máy này.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>write a report of a period (periodic report, line list, indicators, register) or a form of one accident (quick report, record of the event, notice, insured worker&apos;s declaration)</source>
        <translation>lập báo cáo của một kỳ (báo cáo định kỳ, danh sách chi tiết, chỉ tiêu, sổ theo dõi) hoặc biểu mẫu của một vụ tai nạn (báo cáo nhanh, biên bản ghi nhận sự việc, thông báo niêm yết, tờ khai của người có bảo hiểm)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>quick, record, notice, declaration: the accident (its first 8 characters)</source>
        <translation>quick, record, notice, declaration: vụ tai nạn (8 ký tự đầu của mã)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>notice of a period at an office: the commune whose notice is printed</source>
        <translation>thông báo niêm yết của một kỳ tại cơ quan tiếp nhận: mã xã cần in thông báo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file format (default: from FILE&apos;s extension, .json, .xlsx or .pdf); periodic and indicators: json, xlsx, pdf; register: xlsx, pdf; linelist: xlsx; the forms of one accident: pdf</source>
        <translation>định dạng tệp (mặc định: theo đuôi của FILE, .json, .xlsx hoặc .pdf); periodic và indicators: json, xlsx, pdf; register: xlsx, pdf; linelist: xlsx; các biểu mẫu của một vụ tai nạn: pdf</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>the kind of report</source>
        <translation>loại báo cáo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file to write</source>
        <translation>tệp cần ghi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check a report PDF&apos;s signature (exit 0 intact and trusted, 3 altered, 4 unknown signer)</source>
        <translation>kiểm tra chữ ký số của tệp PDF báo cáo (mã thoát 0: nguyên vẹn và tin cậy, 3: bị sửa đổi, 4: người ký chưa biết)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line list: include personal ID numbers and phones</source>
        <translation>danh sách nạn nhân: ghi cả số định danh cá nhân và số điện thoại</translation>
    </message>
</context>
<context>
    <name>obligations</name>
    <message>
        <location filename="../app/ui/accident_model.py" line="+10"/>
        <source>Quick report</source>
        <translation>Báo cáo nhanh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record of the event</source>
        <translation>Biên bản ghi nhận sự việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation</source>
        <translation>Điều tra</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <location filename="../app/ui/login_dialog.py" line="-508"/>
        <source>At least {minimum} characters. A few words that only you would put together make a good password (for example: ca phe sang voi me). Not a common password, not 1234567890, not your user name or the unit&apos;s name.</source>
        <translation>Ít nhất {minimum} ký tự. Vài từ ghép lại mà chỉ bạn nghĩ ra là một mật khẩu tốt (ví dụ: ca phe sang voi me). Không dùng mật khẩu phổ biến, không dùng 1234567890, tên người dùng hoặc tên đơn vị.</translation>
    </message>
</context>
</TS>
